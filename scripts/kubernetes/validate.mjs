// Validates every object of a rendered manifest stream against the Kubernetes, KEDA and Prometheus Operator schemas
// (the npm packages kubernetes-models, @kubernetes-models/keda and @kubernetes-models/prometheus-operator), and
// refuses any field no schema knows.
//   node validate.mjs rendered.yaml      exit 0 when every object is valid, 1 otherwise
//   node validate.mjs --self-test        shows that a misspelt field and a wrong type are refused
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseAllDocuments } from "yaml";
import { tracked, unknownFields } from "./strict.mjs";

const modules = join(dirname(fileURLToPath(import.meta.url)), "node_modules");
const schemas = {
  "v1/ConfigMap": "kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap.js",
  "v1/Namespace": "kubernetes-models/_schemas/IoK8sApiCoreV1Namespace.js",
  "v1/Secret": "kubernetes-models/_schemas/IoK8sApiCoreV1Secret.js",
  "v1/Service": "kubernetes-models/_schemas/IoK8sApiCoreV1Service.js",
  "v1/ServiceAccount": "kubernetes-models/_schemas/IoK8sApiCoreV1ServiceAccount.js",
  "apps/v1/Deployment": "kubernetes-models/_schemas/IoK8sApiAppsV1Deployment.js",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget.js",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy.js",
  "keda.sh/v1alpha1/ScaledObject": "@kubernetes-models/keda/_schemas/ComGithubKedacoreKedaV2ApisKedaV1alpha1ScaledObject.js",
  "keda.sh/v1alpha1/TriggerAuthentication": "@kubernetes-models/keda/_schemas/ComGithubKedacoreKedaV2ApisKedaV1alpha1TriggerAuthentication.js",
  "monitoring.coreos.com/v1/PodMonitor":
    "@kubernetes-models/prometheus-operator/_schemas/ComGithubPrometheusOperatorPrometheusOperatorPkgApisMonitoringV1PodMonitor.js",
};

async function problemsOf(object) {
  const type = `${object?.apiVersion}/${object?.kind}`;
  if (!schemas[type]) return [`${type}: no schema for this kind (add it to validate.mjs)`];
  const { validate } = await import(pathToFileURL(join(modules, schemas[type])).href);
  const records = [];
  const name = `${object.kind}/${object.metadata?.name}`;
  const valid = validate(tracked(object, name, records));
  const problems = valid ? [] : validate.errors.map(e => `${name}${e.instancePath}: ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
  return [...problems, ...unknownFields(records).map(path => `${path}: unknown field`)];
}

async function validateAll(text) {
  const problems = [];
  let count = 0;
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) problems.push(...document.errors.map(e => `YAML: ${e.message}`));
    const object = document.toJS();
    if (object === null) continue;
    count++;
    problems.push(...await problemsOf(object));
  }
  return { count, problems };
}

async function selfTest() {
  const deployment = (spec) => ({
    apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "probe", labels: { any: "label" } },
    spec: { selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "i", ...spec }] } } },
  });
  const cases = [
    ["a valid Deployment", deployment({ resources: { limits: { memory: "1Gi" } } }), 0],
    ["a misspelt field (livenesProbe)", deployment({ livenesProbe: { httpGet: { path: "/", port: 1 } } }), 1],
    ["a wrong type (replicas as text)", { ...deployment({}), spec: { ...deployment({}).spec, replicas: "two" } }, 1],
    ["a misspelt KEDA field (minReplicaCout)", { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", metadata: { name: "s" },
      spec: { scaleTargetRef: { name: "d" }, minReplicaCout: 1, triggers: [{ type: "rabbitmq", metadata: { queueName: "q" } }] } }, 1],
  ];
  let failed = 0;
  for (const [what, object, expected] of cases) {
    const problems = await problemsOf(object);
    const ok = expected === 0 ? problems.length === 0 : problems.length > 0;
    console.log(`[validate] self-test: ${what}: ${problems.length === 0 ? "accepted" : `refused (${problems.join("; ")})`}${ok ? "" : "  <-- WRONG"}`);
    if (!ok) failed++;
  }
  return failed;
}

if (process.argv[2] === "--self-test") {
  process.exit(await selfTest() === 0 ? 0 : 1);
}
const { count, problems } = await validateAll(readFileSync(process.argv[2], "utf8"));
for (const problem of problems) console.error(`[validate] ${problem}`);
console.log(`[validate] ${count} object(s), ${problems.length} problem(s)`);
process.exit(problems.length === 0 && count > 0 ? 0 : 1);
