import type { Locator } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";

/**
 * What a phone's camera would read from a QR code on the screen: the element's pixels, as
 * the browser drew them, decoded (null when no code can be read there).
 */
export async function readQrCode(code: Locator): Promise<string | null> {
  const png = PNG.sync.read(await code.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
