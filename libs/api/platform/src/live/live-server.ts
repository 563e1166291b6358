import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import type { Context as WsContext, ServerOptions } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { LIVE_CLOSE_CODES, LIVE_LIMITS, roleHasPermission } from '@crossroads/shared-domain';
import type { AccessRule } from '../auth/access.decorators.js';
import type { AccessTokenVerifier, VerifiedClaims } from '../auth/access-token-verifier.js';
import type { Principal } from '../auth/principal.js';
import type { AppConfig } from '../config/app-config.js';
import type { GraphqlContext } from '../graphql/graphql-context.js';
import { LoaderRegistry } from '../graphql/loader-registry.js';
import { LIVE_TOPICS, type LiveBus } from './live-bus.js';

type Extra = { socket: WebSocket; request: IncomingMessage };
type Ctx = WsContext<Record<string, unknown>, Extra>;

/** One open graphql-ws connection. */
interface LiveConnection {
  ip: string;
  /** Claims of the token sent in connection_init; undefined for guests. */
  claims?: VerifiedClaims;
  principal: Principal | null;
  /** Access rules the guard applied to each open operation, to re-check when the principal changes. */
  operations: Map<string, AccessRule[]>;
  socket: WebSocket;
  expiry?: NodeJS.Timeout;
  access?: AsyncIterableIterator<object>;
  closed: boolean;
}

/** What a resolver of a live operation can ask of its connection. */
export interface LiveOperation {
  operationId: string;
  rules: AccessRule[];
  /**
   * Re-resolves the principal from the database (for staff topics, once per delivered message):
   * false when the connection was closed for it (signed out: 4401; lost a permission: 4403).
   */
  recheck(): Promise<boolean>;
}

export type LiveRequest = GraphqlContext['req'] & { live: LiveOperation };

export function isLiveRequest(req: object): req is LiveRequest {
  return 'live' in req && typeof (req as { live?: unknown }).live === 'object';
}

/** Only subscriptions travel over the socket: queries and mutations stay on POST (CSRF, throttling, batching rules). */
const subscriptionsOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') {
      context.reportError(
        new GraphQLError(
          'Only subscriptions are served over WebSocket: send queries and mutations with POST /graphql.',
          { nodes: [node] },
        ),
      );
    }
  },
});

export interface LiveServerOptions {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/**
 * The graphql-ws side of `/graphql`: authenticates `connection_init`, applies the connection and
 * subscription limits and the same document limits as HTTP, builds each operation's context, and
 * keeps open connections' principals current (token expiry, role changes, sign-out).
 * Limits are counted per instance: they bound this process's sockets and listeners.
 */
export class LiveServer {
  private readonly logger = new Logger('LiveServer');
  private readonly connections = new WeakMap<Ctx, LiveConnection>();
  private readonly open = new Set<LiveConnection>();
  private readonly perIp = new Map<string, number>();
  private readonly perUser = new Map<string, number>();
  private verifier: AccessTokenVerifier | undefined;
  private bus: LiveBus | undefined;

  constructor(private readonly config: AppConfig) {}

  /** Dependency injection hands the verifier and bus over before the GraphQL driver starts. */
  attach(verifier: AccessTokenVerifier, bus: LiveBus): this {
    this.verifier = verifier;
    this.bus = bus;
    return this;
  }

  /** Open connections of this instance (for tests and metrics). */
  get connectionCount(): number {
    return this.open.size;
  }

  /** Options for @nestjs/graphql's graphql-ws server (`subscriptions: { 'graphql-ws': … }`). */
  options({
    validationRules,
    parseOptions,
    formatError,
  }: LiveServerOptions): Partial<ServerOptions<Record<string, unknown>, Extra>> {
    const rules = [...specifiedRules, ...validationRules, subscriptionsOnly];
    const layerError = (e: GraphQLError, code: string) =>
      new GraphQLError(this.config.isProduction ? e.message.replace(/ ?Did you mean .*\?$/, '') : e.message, {
        nodes: e.nodes,
        source: e.source,
        positions: e.positions,
        extensions: { code },
      });
    const format = (errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e));
    return {
      // Connections answer connection_init within 3 s or are closed (4408, graphql-ws's default).
      parse: (source) => parse(source, parseOptions),
      validate: (schema: GraphQLSchema, document: DocumentNode) =>
        validate(schema, document, rules).map((e) => layerError(e, 'GRAPHQL_VALIDATION_FAILED')),
      onConnect: (ctx) => this.connect(ctx as Ctx),
      onSubscribe: (ctx, _id, payload) => {
        const subscribed = Object.keys(ctx.subscriptions).length; // includes this one
        if (subscribed > LIVE_LIMITS.subscriptionsPerConnection) {
          return [
            new GraphQLError(
              `A connection may hold at most ${LIVE_LIMITS.subscriptionsPerConnection} subscriptions: complete one before starting another.`,
              {
                extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 0 },
              },
            ),
          ];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, parseOptions);
        } catch (e) {
          return [layerError(e instanceof GraphQLError ? e : new GraphQLError('Syntax error'), 'GRAPHQL_PARSE_FAILED')];
        }
        if (!getOperationAST(document, payload.operationName)) {
          return [
            new GraphQLError('Unable to identify the operation: name it with operationName.', {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        return undefined; // graphql-ws parses and validates with the options above
      },
      context: (ctx, id) => this.context(ctx as Ctx, id),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onComplete: (ctx, id) => {
        this.connections.get(ctx as Ctx)?.operations.delete(id);
      },
      onClose: (ctx) => this.disconnect(ctx as Ctx),
    };
  }

  private async connect(ctx: Ctx): Promise<boolean> {
    const { socket, request } = ctx.extra;
    const ip = this.clientIp(request);
    if ((this.perIp.get(ip) ?? 0) >= LIVE_LIMITS.connectionsPerIp) {
      return this.refuse(
        socket,
        LIVE_CLOSE_CODES.tooManyConnections,
        `Too many live connections from this address (at most ${LIVE_LIMITS.connectionsPerIp})`,
      );
    }
    const connection: LiveConnection = { ip, principal: null, operations: new Map(), socket, closed: false };
    const authorization = ctx.connectionParams?.authorization;
    if (authorization !== undefined && authorization !== null) {
      const token = typeof authorization === 'string' ? /^Bearer ([^\s]+)$/.exec(authorization)?.[1] : undefined;
      if (!token)
        return this.refuse(
          socket,
          LIVE_CLOSE_CODES.unauthorized,
          'Unauthorized: send { authorization: "Bearer <access token>" }',
        );
      const verified = await this.requireVerifier().verify(token);
      if (!verified.ok) {
        const reason =
          verified.reason === 'expired'
            ? 'Unauthorized: the access token has expired'
            : verified.reason === 'signed-out'
              ? 'Unauthorized: the session has ended'
              : 'Unauthorized: invalid access token';
        return this.refuse(socket, LIVE_CLOSE_CODES.unauthorized, reason);
      }
      if ((this.perUser.get(verified.principal.id) ?? 0) >= LIVE_LIMITS.connectionsPerUser) {
        return this.refuse(
          socket,
          LIVE_CLOSE_CODES.tooManyConnections,
          `Too many live connections for this account (at most ${LIVE_LIMITS.connectionsPerUser})`,
        );
      }
      connection.claims = verified.claims;
      connection.principal = verified.principal;
    }
    if (socket.readyState !== socket.OPEN) return false; // closed while verifying
    this.connections.set(ctx, connection);
    this.open.add(connection);
    this.perIp.set(ip, (this.perIp.get(ip) ?? 0) + 1);
    const userId = connection.principal?.id;
    if (userId && connection.claims) {
      this.perUser.set(userId, (this.perUser.get(userId) ?? 0) + 1);
      // The socket lives no longer than its token: the client reconnects with a fresh one.
      const ms = connection.claims.exp * 1000 - Date.now();
      connection.expiry = setTimeout(
        () => this.close(connection, LIVE_CLOSE_CODES.unauthorized, 'Unauthorized: the access token has expired'),
        Math.max(ms, 0),
      );
      connection.expiry.unref();
      void this.watchAccess(connection, userId);
    }
    return true;
  }

  /** Role changes, suspensions and sign-outs announced for this member: re-check at once. */
  private async watchAccess(connection: LiveConnection, userId: string): Promise<void> {
    const bus = this.bus;
    if (!bus) return;
    connection.access = bus.stream(LIVE_TOPICS.access(userId));
    try {
      for await (const _changed of connection.access) {
        if (!(await this.recheck(connection))) break;
      }
    } catch (error) {
      this.logger.error(error);
    }
  }

  private async recheck(connection: LiveConnection): Promise<boolean> {
    if (connection.closed) return false;
    if (!connection.claims) return true; // guests: nothing to lose
    let principal: Principal | null;
    try {
      principal = await this.requireVerifier().resolve(connection.claims);
    } catch (error) {
      // Database unreachable: keep what was known rather than dropping every socket.
      this.logger.error(error);
      return true;
    }
    if (connection.closed) return false;
    if (!principal) {
      this.close(connection, LIVE_CLOSE_CODES.unauthorized, 'Unauthorized: the session has ended');
      return false;
    }
    connection.principal = principal;
    for (const rules of connection.operations.values()) {
      if (!rules.every((rule) => allows(principal, rule))) {
        this.close(
          connection,
          LIVE_CLOSE_CODES.forbidden,
          'Forbidden: your role no longer allows a subscription you have open',
        );
        return false;
      }
    }
    return true;
  }

  private context(ctx: Ctx, operationId: string): GraphqlContext {
    const connection = this.connections.get(ctx);
    if (!connection) throw new Error('Live operation on an unknown connection');
    const rules: AccessRule[] = [];
    connection.operations.set(operationId, rules);
    const live: LiveOperation = { operationId, rules, recheck: () => this.recheck(connection) };
    const req = { user: connection.principal, headers: {}, ip: connection.ip, live } as unknown as LiveRequest;
    return {
      req,
      res: undefined as unknown as GraphqlContext['res'],
      loaders: new LoaderRegistry(),
      requestCost: { spent: 0 },
      uncacheable: false,
      replayOnHit: [],
    };
  }

  private disconnect(ctx: Ctx): void {
    const connection = this.connections.get(ctx);
    if (!connection || connection.closed) return;
    connection.closed = true;
    this.connections.delete(ctx);
    this.open.delete(connection);
    clearTimeout(connection.expiry);
    void connection.access?.return?.();
    decrement(this.perIp, connection.ip);
    if (connection.claims && connection.principal) decrement(this.perUser, connection.principal.id);
  }

  private close(connection: LiveConnection, code: number, reason: string): void {
    if (connection.closed) return;
    connection.socket.close(code, reason);
  }

  /** Closes with our own code and reason; graphql-ws's later 4403 "Forbidden" is then ignored by ws. */
  private refuse(socket: WebSocket, code: number, reason: string): false {
    socket.close(code, reason);
    return false;
  }

  private clientIp(request: IncomingMessage): string {
    if (this.config.trustProxy) {
      const forwarded = request.headers['x-forwarded-for'];
      const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
      if (first) return first;
    }
    return request.socket.remoteAddress ?? 'unknown';
  }

  private requireVerifier(): AccessTokenVerifier {
    if (!this.verifier) throw new Error('LiveServer is used before dependency injection attached its verifier');
    return this.verifier;
  }
}

function allows(principal: Principal | null, rule: AccessRule): boolean {
  if (rule.kind === 'public') return true;
  if (!principal) return false;
  return rule.kind === 'signed-in' || roleHasPermission(principal.role, rule.permission);
}

function decrement(map: Map<string, number>, key: string): void {
  const n = (map.get(key) ?? 0) - 1;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

const messageLoaders = new WeakMap<object, Map<string, LoaderRegistry>>();

/**
 * Fresh loaders for delivering one live message (a subscription's context lives as long as the
 * subscription, so its request loaders would serve stale rows), shared by every subscriber with
 * the same viewer: one message to 1,000 guests costs one set of queries, not 1,000.
 */
export function useMessageLoaders(ctx: GraphqlContext, message: object): LoaderRegistry {
  let byViewer = messageLoaders.get(message);
  if (!byViewer) messageLoaders.set(message, (byViewer = new Map()));
  const viewer = ctx.req.user?.id ?? '';
  let loaders = byViewer.get(viewer);
  if (!loaders) byViewer.set(viewer, (loaders = new LoaderRegistry()));
  ctx.loaders = loaders;
  return loaders;
}
