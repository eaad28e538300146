// Validates rendered Kubernetes manifests (multi-document YAML, e.g. `helm template` output) offline,
// two ways: the JSON schemas of kubernetes-models (types, formats, required fields, enums), and
// TypeScript's excess-property check against the same models' interfaces, which names every field a
// kind does not have (the API server would drop it silently: a typo in a template fails here).
// Usage: node validate-manifests.mjs rendered.yaml...
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const modules = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "policy/v1": "kubernetes-models/policy/v1",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "rbac.authorization.k8s.io/v1": "kubernetes-models/rbac.authorization.k8s.io/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

const failures = [];
const typed = []; // [where, module, kind, manifest]
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length) {
      failures.push(`${file}: YAML error: ${doc.errors[0].message}`);
      continue;
    }
    const manifest = doc.toJS();
    if (!manifest) continue;
    const where = `${file}: ${manifest.kind}/${manifest.metadata?.name}`;
    const module = modules[manifest.apiVersion];
    const Model = module && (await import(`${module}/${manifest.kind}`).catch(() => ({})))[manifest.kind];
    if (!Model) {
      failures.push(`${where}: no schema for ${manifest.apiVersion} ${manifest.kind}`);
      continue;
    }
    try {
      new Model(manifest).validate();
    } catch (error) {
      failures.push(`${where}: ${error.message}`);
    }
    typed.push([where, module, manifest.kind, manifest]);
  }
}

// One TypeScript file: each manifest an object literal of its kind's interface.
const source = typed.map(([where, module, kind, manifest], i) =>
  `import type { I${kind} as T${i} } from "${module}/${kind}";\n` +
  `// ${where}\nexport const m${i}: T${i} = ${JSON.stringify(manifest, null, 1)};\n`).join("\n");
const work = join(here, "target"); // beside node_modules, so that the models resolve
mkdirSync(work, { recursive: true });
writeFileSync(join(work, "manifests.ts"), source);
try {
  writeFileSync(join(work, "tsconfig.json"), JSON.stringify({
    compilerOptions: { noEmit: true, strict: true, skipLibCheck: true, module: "nodenext", moduleResolution: "nodenext", types: [] },
    files: ["manifests.ts"],
  }));
  execFileSync(join(here, "node_modules/.bin/tsc"), ["-p", join(work, "tsconfig.json")], { cwd: here, encoding: "utf8", stdio: "pipe" });
} catch (error) {
  const lines = source.split("\n");
  for (const message of `${error.stdout}`.split("\n").filter((l) => l.includes("error TS"))) {
    const line = Number(/\((\d+),/.exec(message)?.[1] ?? 0);
    const owner = lines.slice(0, line).reverse().find((l) => l.startsWith("// "));
    failures.push(`${owner ? owner.slice(3) : "?"}: ${message.replace(/^.*error TS\d+: /, "")}`);
  }
  if (!failures.length) failures.push(`TypeScript check failed: ${error.stdout}${error.stderr}`);
}

failures.forEach((f) => console.error(f));
console.log(`${typed.length} manifests checked, ${failures.length} problems`);
process.exit(failures.length || typed.length === 0 ? 1 : 0);
