/**
 * The runtime the C++ subsystem starts: builds the one identity client of the game (over bridge adapters),
 * binds the bridge's `OnCommand` delegate, and answers every command through bridge UFUNCTIONs with JSON text.
 * Pure wiring: no `ue`/`puerts` import here, so tests drive it with a recording fake bridge.
 *
 * @example
 * const runtime = startRuntime({ bridge, createClient: createHelpshiftClient, refs: { $ref, $unref },
 *   timers: { setTimeout, clearTimeout } });
 * // C++: Bridge->OnCommand.ExecuteIfBound(7, TEXT("login"), TEXT("{\"jwt\":\"\",\"config\":{}}"));
 */
import { type AttributeMap, FailureDetail, type LoginConfig, LoginFailureReason, makeRedactor } from "../contract";
import type { ClientState, HelpshiftClient } from "../core/api";
import type { Ports } from "../core/ports";
import { createBridgeLogger, type LogBridge } from "./adapters/logger";
import { createBridgeRandom, type RandomBridge } from "./adapters/random";
import {
  createBridgeMonotonic,
  createDateClock,
  createTimerScheduler,
  type MonotonicBridge,
  type TimerFunctions,
} from "./adapters/scheduler";
import { createBridgeStore, type RefHelpers, type StoreBridge } from "./adapters/store";
import { createBridgeTransport, type HttpBridge } from "./adapters/transport";
import { BridgeCommand } from "./commands";
import { resolveInitParameters } from "./init-parameters";
import {
  AttributesPayloadSchema,
  ClearAnonymousPayloadSchema,
  InitPayloadSchema,
  LoginPayloadSchema,
  parseJson,
  TokenAnswerPayloadSchema,
  TokenPayloadSchema,
} from "./messages";

type CommandHandler = (requestId: number, command: string, payloadJson: string) => void;

/** The UFUNCTIONs and delegate of UHelpshiftTSBridge that the runtime uses (see Typing/ue). */
export interface RuntimeBridge extends HttpBridge, StoreBridge, RandomBridge, LogBridge, MonotonicBridge {
  readonly OnCommand: { Bind(fn: CommandHandler): void; Unbind(): void };
  NotifyReady(): void;
  SucceedLogin(RequestId: number): void;
  FailLogin(RequestId: number, Reason: string, ErrorsJson: string, Detail: string): void;
  CompleteRequest(RequestId: number): void;
  EmitEvent(EventName: string, DataJson: string): void;
  RequestIdentityToken(TokenRequestId: number, Reason: string): void;
  PublishIdentityState(StateJson: string): void;
}

export interface RuntimeDependencies {
  readonly bridge: RuntimeBridge;
  readonly createClient: (ports: Ports) => HelpshiftClient;
  readonly refs: RefHelpers;
  readonly timers: TimerFunctions;
}

export interface Runtime {
  /** The command entry point bound to `OnCommand` (exposed for tests). */
  handle: CommandHandler;
  readonly client: HelpshiftClient;
}

/** Builds the client, binds `OnCommand`, then tells C++ it is ready (`NotifyReady`). */
export function startRuntime(deps: RuntimeDependencies): Runtime {
  const { bridge } = deps;
  const redactor = makeRedactor();
  const logger = createBridgeLogger(bridge, redactor);
  const http = createBridgeTransport(bridge);
  const client = deps.createClient({
    transport: http.transport,
    store: createBridgeStore(bridge, deps.refs),
    clock: createDateClock(),
    scheduler: createTimerScheduler(deps.timers),
    random: createBridgeRandom(bridge),
    logger,
    monotonic: createBridgeMonotonic(bridge),
  });
  let disposed = false;
  const removeListeners = [
    client.addEventListener((event, data) => bridge.EmitEvent(event, JSON.stringify(data))),
    client.onIdentityTokenRequested((request) => {
      if (!disposed) bridge.RequestIdentityToken(request.requestId, request.reason);
    }),
    client.onStateChange((state) => {
      if (!disposed) bridge.PublishIdentityState(JSON.stringify(identityStateJson(state)));
    }),
  ];

  const complete = (requestId: number) => {
    if (requestId > 0 && !disposed) bridge.CompleteRequest(requestId);
  };
  const completeAfter = (requestId: number, work: Promise<void>) => {
    work.then(
      () => complete(requestId),
      (error: unknown) => {
        logger.log("error", "request failed", { error: String(error) });
        complete(requestId);
      },
    );
  };
  const payload = <T>(
    json: string,
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  ): T | undefined => {
    const parsed = parseJson(json);
    if (!parsed.ok) return undefined;
    const result = schema.safeParse(parsed.value);
    return result.success ? result.data : undefined;
  };
  const badPayload = (requestId: number, command: string) => {
    logger.log("error", "bridge payload rejected", { command });
    complete(requestId);
  };

  const handlers: Readonly<Record<string, (requestId: number, json: string) => void>> = {
    [BridgeCommand.init]: (id, json) => {
      const init = payload(json, InitPayloadSchema);
      if (!init) return badPayload(id, BridgeCommand.init);
      const resolved = resolveInitParameters(init);
      if (resolved.ok) {
        if (resolved.ignored.length > 0) {
          logger.log("warn", "Init: fields of the wrong type ignored", { fields: resolved.ignored.join(",") });
        }
        client.Init(resolved.parameters);
      } else logger.log("error", "Init refused", { problem: resolved.problem });
      complete(id);
    },
    [BridgeCommand.login]: (id, json) => {
      const login = payload(json, LoginPayloadSchema);
      if (!login) {
        bridge.FailLogin(id, LoginFailureReason.unknownError, "{}", FailureDetail.badRequest);
        return;
      }
      client.LoginWithIdentity(
        login.jwt,
        login.config as LoginConfig,
        () => {
          if (!disposed) bridge.SucceedLogin(id);
        },
        (reason, errors, detail) => {
          if (!disposed) bridge.FailLogin(id, reason, JSON.stringify(errors ?? {}), detail ?? "");
        },
      );
    },
    [BridgeCommand.logout]: (id) => completeAfter(id, client.logout()),
    [BridgeCommand.addUserIdentities]: (id, json) => {
      const token = payload(json, TokenPayloadSchema);
      if (!token) return badPayload(id, BridgeCommand.addUserIdentities);
      completeAfter(id, client.addUserIdentities(token.jwt));
    },
    [BridgeCommand.updateMasterAttributes]: (id, json) => {
      const body = payload(json, AttributesPayloadSchema);
      if (!body) return badPayload(id, BridgeCommand.updateMasterAttributes);
      client.UpdateMasterAttributes(body.attributes as AttributeMap);
      complete(id);
    },
    [BridgeCommand.updateAppAttributes]: (id, json) => {
      const body = payload(json, AttributesPayloadSchema);
      if (!body) return badPayload(id, BridgeCommand.updateAppAttributes);
      client.UpdateAppAttributes(body.attributes as AttributeMap);
      complete(id);
    },
    [BridgeCommand.clearAnonymousUserOnLogin]: (id, json) => {
      const body = payload(json, ClearAnonymousPayloadSchema);
      if (!body) return badPayload(id, BridgeCommand.clearAnonymousUserOnLogin);
      client.ClearAnonymousUserOnLogin(body.clear);
      complete(id);
    },
    [BridgeCommand.provideIdentityToken]: (id, json) => {
      const answer = payload(json, TokenAnswerPayloadSchema);
      if (!answer) return badPayload(id, BridgeCommand.provideIdentityToken);
      client.provideIdentityToken(answer.jwt, answer.requestId);
      complete(id);
    },
    [BridgeCommand.provideIdentityTokenFailed]: (id, json) => {
      const answer = payload(json, TokenAnswerPayloadSchema);
      if (!answer) return badPayload(id, BridgeCommand.provideIdentityTokenFailed);
      client.provideIdentityTokenFailed(answer.requestId);
      complete(id);
    },
    [BridgeCommand.foreground]: (id) => {
      client.appForeground();
      complete(id);
    },
    [BridgeCommand.background]: (id) => {
      client.appBackground();
      complete(id);
    },
    [BridgeCommand.httpResponse]: (id, json) => http.deliver(id, json),
    [BridgeCommand.dispose]: () => {
      client.dispose();
      disposed = true;
      http.dispose();
      for (const remove of removeListeners) remove();
      bridge.OnCommand.Unbind();
    },
  };

  const handle: CommandHandler = (requestId, command, payloadJson) => {
    if (disposed) return;
    const handler = Object.prototype.hasOwnProperty.call(handlers, command) ? handlers[command] : undefined;
    if (!handler) {
      logger.log("error", "unknown bridge command", { command });
      complete(requestId);
      return;
    }
    try {
      handler(requestId, payloadJson);
    } catch (error) {
      logger.log("error", "bridge command threw", { command, error: String(error) });
      if (command === BridgeCommand.login) {
        bridge.FailLogin(requestId, LoginFailureReason.unknownError, "{}", "");
      } else complete(requestId);
    }
  };

  bridge.OnCommand.Bind(handle);
  bridge.NotifyReady();
  return { handle, client };
}

/** What C++ reads (FHelpshiftIdentityState::FromJson): the state name, and the session when there is one. */
export function identityStateJson(state: ClientState): {
  state: string;
  userId?: string;
  anonymous?: boolean;
  expiresAt?: number;
  refreshReason?: string;
} {
  return {
    state: state.state ?? (state.initialized ? state.status : "notInitialized"),
    ...(state.userId !== undefined ? { userId: state.userId } : {}),
    ...(state.anonymous !== undefined ? { anonymous: state.anonymous } : {}),
    ...(state.expiresAt !== undefined ? { expiresAt: state.expiresAt } : {}),
    ...(state.refreshReason !== undefined ? { refreshReason: state.refreshReason } : {}),
  };
}
