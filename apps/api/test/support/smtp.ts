import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface TestSmtpOptions {
  /** Answers RCPT TO for an address: a code ≥ 400 refuses it (550: permanent, 450: try later). */
  rcptCode?: (address: string) => number | undefined;
  /**
   * Runs after a message's DATA is received and before the server answers: slow it down, or hold
   * it until the test says so (e.g. to kill the client mid-send).
   */
  beforeAccept?: (mail: ParsedMail, session: SMTPServerSession) => Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on a free port. A message counts as received only when the
 * server answered 250 to a client that was still connected: what a real MTA would have accepted.
 */
export class TestSmtpServer {
  readonly received: ParsedMail[] = [];
  readonly events = new EventEmitter();
  private server: SMTPServer | undefined;
  private readonly closed = new Set<string>();
  port = 0;

  constructor(private readonly options: TestSmtpOptions = {}) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Starts listening (on the same port as before when restarted). */
  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const code = this.options.rcptCode?.(address.address);
        if (code && code >= 400)
          return callback(Object.assign(new Error(`Recipient ${address.address} refused`), { responseCode: code }));
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            await this.options.beforeAccept?.(mail, session);
            if (this.closed.has(session.id)) {
              this.events.emit('dropped', mail);
              return callback(new Error('client gone'));
            }
            this.received.push(mail);
            callback();
            this.events.emit('message', mail);
          })
          .catch((error: Error) => callback(error));
      },
      onClose: (session) => {
        this.closed.add(session.id);
        this.events.emit('close', session);
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops listening and drops open connections: the server is down. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const socket of (server as unknown as { connections: Set<{ _socket?: { destroy(): void } }> }).connections ??
      [])
      socket._socket?.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The received messages whose subject or Message-ID matches. */
  matching(predicate: (mail: ParsedMail) => boolean): ParsedMail[] {
    return this.received.filter(predicate);
  }

  /** Resolves with the first received message matching, waiting for it if needed. */
  async waitFor(predicate: (mail: ParsedMail) => boolean): Promise<ParsedMail> {
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      await once(this.events, 'message');
    }
  }
}

/** Polls `check` until it returns a value other than undefined (for states only the database shows). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
