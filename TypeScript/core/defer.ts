/**
 * Runs `task` after the current call returns (a microtask: plain ECMAScript, available in Puerts), so that
 * callbacks never fire inside the call that caused them. Exceptions thrown by app code are handed to `onError`.
 *
 * @example
 * defer(() => onSuccess(), (e) => log.error("callback threw", { error: String(e) }));
 */
export function defer(task: () => void, onError: (error: unknown) => void): void {
  Promise.resolve()
    .then(task)
    .catch((error: unknown) => {
      try {
        onError(error);
      } catch {
        // The error sink itself failed: nothing more can be done without risking a loop.
      }
    });
}
