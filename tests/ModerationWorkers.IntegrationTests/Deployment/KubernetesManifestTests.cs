using System.Diagnostics;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace ModerationWorkers.IntegrationTests.Deployment;

/// <summary>
/// The Kubernetes example overlay (compose/kubernetes), rendered with kubectl kustomize, held to the code's own list of
/// roles and queues: a Deployment per role as its own broker user, and a KEDA trigger in HTTP mode for every queue a
/// scaled role consumes. scripts/check-kubernetes.sh installs kubectl and validates the same render against the schemas.
/// </summary>
public sealed class KubernetesManifestTests
{
    static readonly Lazy<IReadOnlyList<YamlMappingNode>> Rendered = new(Render);

    static IEnumerable<string> Roles => WorkerRole.All.Concat(WorkerRole.Optional);

    [Fact]
    public void Every_role_has_a_deployment_that_runs_only_it_as_its_own_broker_user_hardened_and_probed()
    {
        foreach (var role in Roles)
        {
            var deployment = Single("Deployment", $"moderation-workers-{role}");
            var pod = deployment.Map("spec").Map("template").Map("spec");
            var container = (YamlMappingNode)pod.Seq("containers").Children.Single();
            Assert.Equal(["--roles", role], container.Seq("args").Children.Select(a => a.ToString()));

            var uri = container.Seq("env").Children.Cast<YamlMappingNode>().Single(e => e.Text("name") == "RabbitMq__Uri");
            Assert.Equal($"moderation-workers-{role}", uri.Map("valueFrom").Map("secretKeyRef").Text("name"));

            Assert.Equal("true", pod.Map("securityContext").Text("runAsNonRoot"));
            var security = container.Map("securityContext");
            Assert.Equal(("true", "false"), (security.Text("readOnlyRootFilesystem"), security.Text("allowPrivilegeEscalation")));
            Assert.Equal(["ALL"], security.Map("capabilities").Seq("drop").Children.Select(c => c.ToString()));

            Assert.Equal("/health/live", container.Map("startupProbe").Map("httpGet").Text("path"));
            Assert.Equal("/health/live", container.Map("livenessProbe").Map("httpGet").Text("path"));
            Assert.Equal("/health/ready", container.Map("readinessProbe").Map("httpGet").Text("path"));
            // The host needs Workers:ShutdownGrace plus 5 s to stop; Kubernetes must wait longer before SIGKILL.
            Assert.True(int.Parse(pod.Text("terminationGracePeriodSeconds")!) > new WorkersOptions().ShutdownGrace.TotalSeconds + 5, role);
            Assert.NotNull(container.Map("resources").Map("requests").Text("memory"));
            Assert.NotNull(container.Map("resources").Map("limits").Text("memory"));

            var budget = Single("PodDisruptionBudget", $"moderation-workers-{role}");
            Assert.Equal(role, budget.Map("spec").Map("selector").Map("matchLabels").Text("app.kubernetes.io/component"));
        }

        Assert.Equal(Roles.Order(), Rendered.Value.Where(o => o.Text("kind") == "Deployment").Select(RoleOf).Order());
    }

    [Fact]
    public void Every_scaled_role_has_an_http_mode_trigger_for_each_queue_it_consumes_and_never_scales_to_zero()
    {
        foreach (var role in Roles.Where(r => !WorkerRole.SingleReplica.Contains(r)))
        {
            var scaled = Single("ScaledObject", $"moderation-workers-{role}").Map("spec");
            Assert.Equal($"moderation-workers-{role}", scaled.Map("scaleTargetRef").Text("name"));
            Assert.True(int.Parse(scaled.Text("minReplicaCount")!) >= 1, $"{role} may scale to zero, and then nothing declares its queues");

            var triggers = scaled.Seq("triggers").Children.Cast<YamlMappingNode>().ToList();
            Assert.All(triggers, t => Assert.Equal(("rabbitmq", "http", "QueueLength"),
                (t.Text("type"), t.Map("metadata").Text("protocol"), t.Map("metadata").Text("mode"))));
            Assert.Equal(WorkerRole.QueuesOf(role).Order(), triggers.Select(t => t.Map("metadata").Text("queueName")).Order());
        }
    }

    [Fact]
    public void The_single_replica_roles_are_fixed_at_one_and_not_autoscaled()
    {
        foreach (var role in WorkerRole.SingleReplica)
        {
            Assert.Equal("1", Single("Deployment", $"moderation-workers-{role}").Map("spec").Text("replicas"));
            Assert.DoesNotContain(Rendered.Value, o => o.Text("kind") == "ScaledObject" && o.Map("metadata").Text("name") == $"moderation-workers-{role}");
        }
    }

    static string RoleOf(YamlMappingNode deployment) =>
        deployment.Map("spec").Map("template").Map("metadata").Map("labels").Text("app.kubernetes.io/component")!;

    static YamlMappingNode Single(string kind, string name) =>
        Assert.Single(Rendered.Value, o => o.Text("kind") == kind && o.Map("metadata").Text("name") == name);

    static IReadOnlyList<YamlMappingNode> Render()
    {
        var overlay = Path.Combine(RepositoryPaths.Root(), "compose", "kubernetes", "overlays", "example");
        ProcessStartInfo start = new("kubectl", ["kustomize", overlay]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("kubectl is not installed: scripts/check-kubernetes.sh (run by scripts/test.sh) installs it.");
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize failed: {error}");

        var stream = new YamlStream();
        stream.Load(new StringReader(output.Result));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }
}

static class YamlNavigation
{
    public static YamlMappingNode Map(this YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    public static YamlSequenceNode Seq(this YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    public static string? Text(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
