import type { HelpshiftEvent } from "../contract";
import type { HelpshiftEventData, HelpshiftEventListener } from "./api";
import { defer } from "./defer";
import type { CoreLog } from "./log";

/** Sends the contract's events (docs/contract.md) to the app's listeners. */
export interface EventHub {
  emit(event: HelpshiftEvent, data?: HelpshiftEventData): void;
  add(listener: HelpshiftEventListener): () => void;
  /**
   * Delivers an event to one listener only (the sticky `userSessionExpired` for a listener that binds late), unless
   * a broadcast of that event is still on its way (the listener hears that one).
   */
  emitTo(listener: HelpshiftEventListener, event: HelpshiftEvent): void;
  /** After this, nothing is delivered, not even events already emitted. */
  close(): void;
}

/**
 * Events are delivered asynchronously (never inside the call that caused them), each listener receives its own
 * frozen copy of the data, and a listener that throws is logged without stopping the others.
 *
 * @example
 * const hub = createEventHub(log);
 * const off = hub.add((event, data) => console.log(event, data));
 * hub.emit("masterAttributesValidationFailed", { nickname: "invalidData" });
 */
export function createEventHub(log: CoreLog): EventHub {
  const listeners = new Set<HelpshiftEventListener>();
  /** Broadcasts emitted but not yet delivered, per event: a listener added now will hear them anyway. */
  const undelivered = new Map<HelpshiftEvent, number>();
  let closed = false;
  return {
    emit(event, data = {}) {
      if (closed) return;
      log.debug("event", { event, keys: Object.keys(data) });
      const snapshot = { ...data };
      undelivered.set(event, (undelivered.get(event) ?? 0) + 1);
      defer(
        () => {
          undelivered.set(event, (undelivered.get(event) ?? 1) - 1);
          if (closed) return;
          for (const listener of [...listeners]) {
            try {
              listener(event, Object.freeze({ ...snapshot }));
            } catch (error) {
              log.error("event listener threw", { event, error: String(error) });
            }
          }
        },
        (error) => log.error("event delivery failed", { error: String(error) }),
      );
    },
    emitTo(listener, event) {
      if (closed || (undelivered.get(event) ?? 0) > 0) return;
      defer(
        () => {
          if (!closed && listeners.has(listener)) listener(event, Object.freeze({}));
        },
        (error) => log.error("event listener threw", { event, error: String(error) }),
      );
    },
    add(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closed = true;
      listeners.clear();
    },
  };
}
