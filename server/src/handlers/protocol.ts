import type { Connection } from 'vscode-languageserver';
import type { Message } from '../core/protocol';

/** Register a handler for one of our custom requests, typed by its message. */
export function onRequest<P, R>(connection: Connection, m: Message<P, R>, handler: (params: P) => R): void {
  connection.onRequest(m.method, (params: P) => handler(params) as unknown);
}

export function onNotification<P>(connection: Connection, m: Message<P>, handler: (params: P) => void): void {
  connection.onNotification(m.method, handler);
}

export function sendNotification<P>(connection: Connection, m: Message<P>, params: P): void {
  void connection.sendNotification(m.method, params);
}
