import assert from "node:assert/strict";

async function run(script: string, ...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL(script, import.meta.url).pathname, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr), stdout: new TextDecoder().decode(out.stdout) };
}

const badInputs: [string, string[]][] = [
  ["unknown claim id", ["--only", "no-such-claim"]],
  ["malformed seed", ["--seed", "abc"]],
  ["negative seed", ["--seed", "-3"]],
  ["unknown flag", ["--bogus"]],
  ["bad budget", ["--budget", "huge"]],
  ["missing value", ["--seed"]],
];

for (const [what, args] of badInputs) {
  Deno.test(`report: ${what} → one-line error, exit code 2, nothing written`, async () => {
    const dir = await Deno.makeTempDir();
    const r = await run("./report.ts", ...args, "--out", `${dir}/R.md`);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.deepEqual([...Deno.readDirSync(dir)], []);
    await Deno.remove(dir, { recursive: true });
  });
}

Deno.test("replay: unknown id, out-of-range instance → exit code 2; a real instance replays", async () => {
  assert.equal((await run("./replay.ts", "nope", "--seed", "1")).code, 2);
  assert.equal((await run("./replay.ts", "lemma-10.2", "--instance", "100000")).code, 2);
  const ok = await run("./replay.ts", "lemma-10.2", "--seed", "1", "--instance", "0");
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /conclusion: holds/);
});

Deno.test("report: --only writes markdown and JSON with the requested claims", async () => {
  const dir = await Deno.makeTempDir();
  const r = await run(
    "./report.ts",
    "--budget",
    "test",
    "--only",
    "lemma-10.2",
    "--out",
    `${dir}/R.md`,
    "--json",
    `${dir}/r.json`,
  );
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(await Deno.readTextFile(`${dir}/r.json`));
  assert.deepEqual(json.claims.map((c: { id: string }) => c.id), ["lemma-10.2"]);
  assert.equal(json.claims[0].status, "verified");
  assert.match(await Deno.readTextFile(`${dir}/R.md`), /lemma-10.2/);
  await Deno.remove(dir, { recursive: true });
});
