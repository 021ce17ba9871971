/** What a page knows of its device's network: whether it is online, and an event when it comes back. */
export interface DeviceNetwork {
  readonly onLine: boolean;
  addEventListener(type: "online", listener: () => void): void;
  removeEventListener(type: "online", listener: () => void): void;
}

/** The browser's own: `navigator.onLine` and the window's "online" event. */
export const browserNetwork = (): DeviceNetwork => ({
  get onLine() {
    return navigator.onLine;
  },
  addEventListener: (type, listener) => window.addEventListener(type, listener),
  removeEventListener: (type, listener) => window.removeEventListener(type, listener),
});

/**
 * The wait before the next attempt to reach the server. A classroom's Wi-Fi drops a device
 * for a minute or two: attempts made meanwhile cannot succeed, so while the device is offline
 * the wait lasts until it is back, and ends as soon as it is (not at the next step of a
 * back-off that may be half a minute away). Resolves true when the device came back online
 * during the wait (a fresh start for the back-off), false when the delay simply ran out.
 */
export function waitToRetry(delayMs: number, network: DeviceNetwork): Promise<boolean> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const back = () => finish(true);
    const finish = (cameBack: boolean) => {
      clearTimeout(timer);
      network.removeEventListener("online", back);
      resolve(cameBack);
    };
    network.addEventListener("online", back);
    if (network.onLine) timer = setTimeout(() => finish(false), delayMs);
  });
}
