/**
 * Tokenizer shared by the notes index and the knowledge-base search.
 *
 * Notes and templates spell the same thing many ways ("RCU", "read capacity units",
 * `ReadCapacityUnits`, `AWS::DynamoDB::Table` vs "DynamoDB table"). Instead of expanding
 * queries at search time we map every spelling to one canonical token while tokenizing, so
 * the index and the query meet in the middle and ranking stays plain BM25.
 */

/** Each group: the canonical token first, then other spellings (single words or phrases). */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['rcu', 'read capacity unit', 'readcapacityunits', 'readcapacityunit'],
  ['wcu', 'write capacity unit', 'writecapacityunits', 'writecapacityunit'],
  ['nacl', 'network acl', 'networkacl', 'network access control list', 'networkaclentry'],
  ['sg', 'security group', 'securitygroup', 'securitygroupingress', 'securitygroupegress'],
  ['asg', 'auto scaling group', 'autoscaling group', 'autoscalinggroup', 'auto-scaling group'],
  ['alb', 'application load balancer'],
  ['nlb', 'network load balancer'],
  ['gwlb', 'gateway load balancer'],
  ['clb', 'classic load balancer'],
  ['elb', 'elastic load balancer', 'elastic load balancing', 'load balancer', 'elasticloadbalancing', 'elasticloadbalancingv2', 'loadbalancer'],
  ['igw', 'internet gateway', 'internetgateway'],
  ['nat', 'nat gateway', 'natgateway', 'natgw', 'nat instance'],
  ['ebs', 'elastic block store', 'elastic block storage'],
  ['efs', 'elastic file system'],
  ['kms', 'key management service'],
  ['sts', 'security token service'],
  ['sqs', 'simple queue service'],
  ['sns', 'simple notification service'],
  ['ses', 'simple email service'],
  ['s3', 'simple storage service'],
  ['dlq', 'dead letter queue', 'deadletterqueue', 'deadlettertargetarn', 'redrivepolicy', 'redrive policy'],
  ['gsi', 'global secondary index', 'globalsecondaryindex', 'globalsecondaryindexes'],
  ['lsi', 'local secondary index', 'localsecondaryindex', 'localsecondaryindexes'],
  ['ttl', 'time to live', 'timetolive', 'timetolivespecification'],
  ['vpc', 'virtual private cloud'],
  ['ec2', 'elastic compute cloud'],
  ['iam', 'identity and access management'],
  ['ami', 'amazon machine image', 'machine image', 'imageid'],
  ['eni', 'elastic network interface', 'network interface', 'networkinterface'],
  ['eip', 'elastic ip', 'elastic ip address'],
  ['rds', 'relational database service'],
  ['dax', 'dynamodb accelerator'],
  ['cdn', 'content delivery network'],
  ['oai', 'origin access identity'],
  ['oac', 'origin access control'],
  ['sam', 'serverless application model'],
  ['cloudformation', 'cfn', 'cloud formation'],
  ['dynamodb', 'dynamo db', 'ddb', 'dynamo'],
  ['az', 'availability zone', 'availabilityzone'],
  ['sse', 'server side encryption', 'server-side encryption'],
  ['mfa', 'multi factor authentication', 'multi-factor authentication', 'multifactor authentication'],
  ['arn', 'amazon resource name'],
  ['kcl', 'kinesis client library'],
  ['kpl', 'kinesis producer library'],
  ['route53', 'route 53', 'r53'],
  ['apigateway', 'api gateway', 'apigw'],
  ['stepfunctions', 'step functions', 'step function', 'sfn'],
  ['elasticache', 'elasti cache', 'elastic cache'],
  ['cloudfront', 'cloud front'],
  ['cloudwatch', 'cloud watch', 'cw'],
  ['cloudtrail', 'cloud trail'],
  ['codedeploy', 'code deploy'],
  ['codebuild', 'code build'],
  ['codepipeline', 'code pipeline'],
  ['eventbridge', 'event bridge', 'cloudwatch events'],
  ['iops', 'io per second', 'i/o per second'],
  ['visibilitytimeout', 'visibility timeout', 'message visibility timeout'],
  ['retentionperiod', 'retention period', 'messageretentionperiod', 'message retention period'],
  ['deletionpolicy', 'deletion policy'],
  ['stackpolicy', 'stack policy'],
  ['changeset', 'change set'],
  ['nestedstack', 'nested stack'],
  ['pseudoparameter', 'pseudo parameter'],
  ['buildspec', 'build spec', 'buildspec.yml'],
  ['appspec', 'app spec', 'appspec.yml'],
  ['userdata', 'user data'],
  ['instancestore', 'instance store'],
  ['multiattach', 'multi attach', 'multi-attach'],
  ['crosszone', 'cross zone', 'cross-zone'],
  ['longpolling', 'long polling', 'receivemessagewaittimeseconds'],
  ['fifo', 'first in first out', 'fifoqueue', 'fifotopic'],
  // Where notes say it differently from the template or API name.
  ['onezoneia', 'onezone ia', 'one zone ia', 'one zone-ia', 'one-zone ia', 'one zone infrequent access'],
  ['standardia', 'standard ia', 'standard-ia', 'standard infrequent access'],
  ['autoassignpublicip', 'mappubliciponlaunch', 'auto assign public ip', 'auto-assign public ip', 'auto assign public ipv4', 'auto-assign public ipv4'],
  ['provisionedthroughputexceeded', 'provisionedthroughputexceededexception', 'provisioned throughput exceeded'],
];

/** Words too common in AWS notes to help ranking. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can could do does for from has have how i if in into is it its ' +
    'of on or so such than that the their then there these they this those to too was we were what when ' +
    'where which who will with you your aws amazon fn eg e.g ie i.e etc also just use used using'
  ).split(' '),
);

const MAX_TOKENS_PER_TEXT = 20_000;

/** Light plural stripping so "queues" finds "queue"; short tokens (acronyms) are left alone. */
export function stem(token: string): string {
  if (token.length < 5 || /\d/.test(token)) return token;
  if (token.endsWith('ies')) return token.slice(0, -3) + 'y';
  if (token.endsWith('sses') || token.endsWith('xes') || token.endsWith('ches') || token.endsWith('shes'))
    return token.slice(0, -2);
  if (token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us') && !token.endsWith('is'))
    return token.slice(0, -1);
  return token;
}

export type TokenKind = 'word' | 'part' | 'synonym';

export interface DetailedToken {
  token: string;
  /** `part` = a camelCase piece (`Timeout` of `VisibilityTimeout`), `synonym` = canonical form. */
  kind: TokenKind;
}

/**
 * IAM-style names are one term: `iam:PassRole`, `aws:SecureTransport`, `dynamodb:LeadingKeys`,
 * `s3:*` (a lowercase service prefix, a colon, an action or key). Bounded runs keep the scan
 * linear on hostile text such as `a-a-a-a-…`.
 */
const IAM_TERM = /[a-z][a-z0-9-]{0,40}:(?:[A-Z][A-Za-z0-9]{0,100}\*?|\*)/y;
export const IAM_TERM_RE = /^[a-z][a-z0-9-]{0,40}:(?:[A-Z][A-Za-z0-9]{0,100}\*?|\*)$/;

/** `pre_build`, `STANDARD_IA`: snake_case names (bounded pieces keep it linear). */
const SNAKE_TERM = /[A-Za-z0-9]{1,60}(?:_[A-Za-z0-9]{1,60}){1,8}/y;

/**
 * Tokens and their kinds side by side: the index tokenizes every passage, and an object per token
 * was most of the build's garbage.
 */
class Tokens {
  readonly tokens: string[] = [];
  readonly kinds: TokenKind[] = [];

  push(token: string, kind: TokenKind): void {
    this.tokens.push(token);
    this.kinds.push(kind);
  }
}

/** Splits `VisibilityTimeout` → visibility, timeout; `DBInstance` → db, instance. */
function camelParts(word: string, out: Tokens): void {
  if (!/[a-z][A-Z]|[A-Z]{2}[a-z]/.test(word)) return;
  const parts = word
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ');
  for (const p of parts) if (p) out.push(p.toLowerCase(), 'part');
}

/** The class of a character code: 1 lowercase ASCII letter, 2 capital, 3 digit, 0 not in a word. */
function charClass(c: number): number {
  return c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
}

/**
 * Raw words: split on anything that is not a letter/digit, then split camelCase into parts too.
 * A loop over character codes rather than a regular expression per word: it notes on the way
 * whether the word has capitals and camelCase (most words have neither), and a notes build runs
 * it over every word of every file.
 */
function rawWords(text: string): Tokens {
  const out = new Tokens();
  const n = text.length;
  let i = 0;
  while (i < n && out.tokens.length < MAX_TOKENS_PER_TEXT) {
    if (!charClass(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    // Classes of the last two characters (charClass).
    let prev = 0;
    let prev2 = 0;
    let capitals = false;
    let camel = false; // a lowercase letter then a capital, or two capitals then a lowercase letter
    for (; i < n; i++) {
      const k = charClass(text.charCodeAt(i));
      if (!k) break;
      if (k === 2) {
        capitals = true;
        if (prev === 1) camel = true;
      } else if (k === 1 && prev === 2 && prev2 === 2) camel = true;
      prev2 = prev;
      prev = k;
    }
    const end = i;
    // At a lowercase word followed by `:`, try the IAM form first; its pieces still count as parts.
    if (text.charCodeAt(end) === 58 && charClass(text.charCodeAt(start)) === 1) {
      IAM_TERM.lastIndex = start;
      const iam = IAM_TERM.exec(text);
      if (iam && text[start + iam[0].length] !== ':' && (start === 0 || text[start - 1] !== ':')) {
        out.push(iam[0].toLowerCase(), 'word');
        const [service, action] = iam[0].split(':');
        out.push(service, 'part');
        if (action !== '*') {
          out.push(action.replace(/\*$/, '').toLowerCase(), 'part');
          camelParts(action, out);
        }
        i = start + iam[0].length;
        continue;
      }
    }
    // `post_build`, `ONEZONE_IA`: one name, its pieces only parts (never "build" alone).
    if (text.charCodeAt(end) === 95 && charClass(text.charCodeAt(end + 1))) {
      SNAKE_TERM.lastIndex = start;
      const snake = SNAKE_TERM.exec(text);
      if (snake) {
        out.push(snake[0].toLowerCase(), 'word');
        for (const piece of snake[0].split('_')) if (piece) out.push(piece.toLowerCase(), 'part');
        i = start + snake[0].length;
        continue;
      }
    }
    const word = text.slice(start, end);
    out.push(capitals ? word.toLowerCase() : word, 'word');
    if (camel) camelParts(word, out);
  }
  return out;
}

interface SynonymTables {
  single: Map<string, string>;
  /** phrase first word → list of [phrase words, canonical] */
  phrases: Map<string, [string[], string][]>;
}

let tables: SynonymTables | undefined;

function synonymTables(): SynonymTables {
  if (tables) return tables;
  const single = new Map<string, string>();
  const phrases = new Map<string, [string[], string][]>();
  for (const group of SYNONYM_GROUPS) {
    const canonical = group[0];
    for (const spelling of group) {
      const words = spelling
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean)
        .map(stem);
      if (words.length === 1) single.set(words[0], canonical);
      else if (words.length > 1) {
        const list = phrases.get(words[0]) ?? [];
        list.push([words, canonical]);
        phrases.set(words[0], list);
      }
    }
  }
  tables = { single, phrases };
  return tables;
}

/**
 * Tokens for indexing and searching: lowercase, camelCase parts, light stemming, stop words
 * removed, plus one canonical token for every synonym spelling found (single words or phrases).
 */
export function tokenizeDetailed(text: string): DetailedToken[] {
  const { tokens, kinds } = scan(text);
  return tokens.map((token, i) => ({ token, kind: kinds[i] }));
}

function scan(text: string): Tokens {
  const { single, phrases } = synonymTables();
  const words = rawWords(text);
  const w = words.tokens;
  for (let i = 0; i < w.length; i++) w[i] = stem(w[i]);
  const out = new Tokens();
  for (let i = 0; i < w.length; i++) {
    const token = w[i];
    if (!STOP_WORDS.has(token)) out.push(token, words.kinds[i]);
    const canon = single.get(token);
    if (canon && canon !== token) out.push(canon, 'synonym');
    const candidates = phrases.get(token);
    if (candidates) {
      for (const [pw, c] of candidates) {
        let ok = true;
        for (let k = 1; k < pw.length; k++) {
          if (w[i + k] !== pw[k]) {
            ok = false;
            break;
          }
        }
        if (ok) out.push(c, 'synonym');
      }
    }
  }
  return out;
}

export function tokenize(text: string): string[] {
  return scan(text).tokens;
}
