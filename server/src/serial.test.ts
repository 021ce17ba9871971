import { describe, expect, it } from "vitest";
import { Serial, SerialByKey } from "./serial.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("Serial", () => {
  it("runs tasks one at a time in the order queued, a failure not stopping the next", async () => {
    const serial = new Serial();
    const seen: string[] = [];
    let running = 0;
    const task =
      (name: string, fail = false) =>
      async () => {
        running++;
        expect(running).toBe(1);
        seen.push(`start ${name}`);
        await tick();
        seen.push(`end ${name}`);
        running--;
        if (fail) throw new Error(name);
        return name;
      };
    const a = serial.run(task("a"));
    const b = serial.run(task("b", true));
    const c = serial.run(task("c"));
    await expect(a).resolves.toBe("a");
    await expect(b).rejects.toThrow("b");
    await expect(c).resolves.toBe("c");
    expect(seen).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("is settled once every task queued so far has settled", async () => {
    const serial = new Serial();
    let done = false;
    void serial
      .run(async () => {
        await tick();
        throw new Error("refused");
      })
      .catch(() => undefined);
    void serial.run(async () => {
      await tick();
      done = true;
    });
    await serial.settled();
    expect(done).toBe(true);
  });
});

describe("SerialByKey", () => {
  it("runs one key's tasks one at a time, other keys' beside them, and forgets a key when its tasks are done", async () => {
    const queues = new SerialByKey();
    const seen: string[] = [];
    const task = (name: string) => async () => {
      seen.push(`start ${name}`);
      await tick();
      seen.push(`end ${name}`);
    };
    const all = [queues.run("s1", task("a")), queues.run("s1", task("b")), queues.run("s2", task("x"))];
    expect(queues.size).toBe(2);
    await Promise.all(all);
    expect(seen.indexOf("end a")).toBeLessThan(seen.indexOf("start b"));
    expect(seen.indexOf("start x")).toBeLessThan(seen.indexOf("end a"));
    await tick();
    expect(queues.size).toBe(0);
  });
});
