import type { Message } from '@core/protocol';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Send one of our custom requests, typed by its message. */
export function request<P, R>(client: LanguageClient, m: Message<P, R>, params: P): Promise<R> {
  return client.sendRequest<R>(m.method, params);
}

export function notify<P>(client: LanguageClient | undefined, m: Message<P>, params: P): void {
  void client?.sendNotification(m.method, params);
}

export function onNotification<P>(client: LanguageClient, m: Message<P>, handler: (params: P) => void): void {
  client.onNotification(m.method, handler);
}

/** Answer one of the server's requests, typed by its message. */
export function onRequest<P, R>(client: LanguageClient, m: Message<P, R>, handler: (params: P) => R): void {
  client.onRequest(m.method, (params: P) => handler(params) as unknown);
}
