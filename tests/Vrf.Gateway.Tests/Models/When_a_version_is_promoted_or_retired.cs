using System.Net;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Gateway.Tests.Support;
using Vrf.Serving.Store;

namespace Vrf.Gateway.Tests.Models;

/// <summary><c>POST /v1/models/{name}/versions/{version}/promote</c> and <c>…/retire</c>: the store changes, the bus hears of
/// it, and the current version follows.</summary>
public sealed class When_a_version_is_promoted_or_retired(GatewayApp app) : IClassFixture<GatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Promoting_an_older_ready_version_makes_it_current_until_it_is_retired()
    {
        app.Models.Create("rollback", ModelStatus.Ready);
        app.Models.Create("rollback", ModelStatus.Ready);
        Assert.Equal(2, await CurrentVersionAsync("rollback"));

        using var promoted = await _client.PostAsync("/v1/models/rollback/versions/1/promote", null, TestContext.Current.CancellationToken);

        var change = await AcceptedAsync(promoted);
        Assert.Equal(("rollback", 1, "promoted", 1), (change.GetProperty("model").GetString(), change.GetProperty("version").GetInt32(),
            change.GetProperty("status").GetString(), change.GetProperty("currentVersion").GetInt32()));
        Assert.Equal(1, await CurrentVersionAsync("rollback"));
        Assert.Equal(1, app.Models.Store.Current("rollback").Id.Version);
        Assert.True(await Harness.Published.Any<ModelPromoted>(message => message.Context.Message == new ModelPromoted("rollback", 1),
            TestContext.Current.CancellationToken));

        using var retired = await _client.PostAsync("/v1/models/rollback/versions/1/retire", null, TestContext.Current.CancellationToken);

        var retirement = await AcceptedAsync(retired);
        Assert.Equal(("retired", 2), (retirement.GetProperty("status").GetString(), retirement.GetProperty("currentVersion").GetInt32()));
        Assert.Equal(ModelStatus.Retired, app.Models.Store.Get(new ModelVersionId("rollback", 1)).Status);
        Assert.True(await Harness.Published.Any<ModelRetired>(message => message.Context.Message == new ModelRetired("rollback", 1),
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_version_that_becomes_ready_after_a_promotion_is_current_again()
    {
        app.Models.Create("newer", ModelStatus.Ready);
        app.Models.Create("newer", ModelStatus.Ready);
        using var promoted = await _client.PostAsync("/v1/models/newer/versions/1/promote", null, TestContext.Current.CancellationToken);
        await AcceptedAsync(promoted);

        var indexing = app.Models.Create("newer", ModelStatus.Indexing);
        app.Models.Store.Update(indexing.Id, manifest => manifest with
        {
            Status = ModelStatus.Ready, IndexedAt = DateTimeOffset.UtcNow.AddSeconds(1), Parameters = TestModelStore.Parameters,
        });

        Assert.Equal(3, await CurrentVersionAsync("newer"));
    }

    [Fact]
    public async Task Retiring_the_only_ready_version_leaves_no_current_version()
    {
        app.Models.Create("alone", ModelStatus.Ready);

        using var response = await _client.PostAsync("/v1/models/alone/versions/1/retire", null, TestContext.Current.CancellationToken);

        Assert.False((await AcceptedAsync(response)).TryGetProperty("currentVersion", out var current) && current.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Theory]
    [InlineData("/v1/models/tiny/versions/3/promote", HttpStatusCode.Conflict, "only a ready version can be promoted")]
    [InlineData("/v1/models/tiny/versions/1/promote", HttpStatusCode.Conflict, "only a ready version can be promoted")]
    [InlineData("/v1/models/tiny/versions/1/retire", HttpStatusCode.Conflict, "already retired")]
    [InlineData("/v1/models/tiny/versions/9/retire", HttpStatusCode.NotFound, "has no version 9")]
    [InlineData("/v1/models/nothing/versions/1/promote", HttpStatusCode.NotFound, "no model 'nothing'")]
    [InlineData("/v1/models/Bad%20Name/versions/1/retire", HttpStatusCode.BadRequest, "is not a valid model name")]
    public async Task Should_refuse_a_change_the_store_cannot_make_and_publish_nothing(string path, HttpStatusCode status, string reason)
    {
        var before = PublishedChanges();

        using var response = await _client.PostAsync(path, null, TestContext.Current.CancellationToken);

        Assert.Contains(reason, (await Responses.ProblemAsync(response, status)).GetProperty("detail").GetString());
        Assert.Equal(before, PublishedChanges());
    }

    [Fact]
    public async Task Should_not_know_version_zero()
    {
        using var response = await _client.PostAsync("/v1/models/tiny/versions/0/retire", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private ITestHarness Harness => app.Services.GetRequiredService<ITestHarness>();

    /// <summary>The promotions and retirements published so far, without waiting for more (the harness's Select waits for
    /// a quiet bus unless its token is already cancelled).</summary>
    private int PublishedChanges()
    {
        var now = new CancellationToken(canceled: true);
        return Harness.Published.Select<ModelPromoted>(now).Count() + Harness.Published.Select<ModelRetired>(now).Count();
    }

    private async Task<int?> CurrentVersionAsync(string name)
    {
        using var response = await _client.GetAsync($"/v1/models/{name}", TestContext.Current.CancellationToken);
        var current = (await Responses.JsonAsync(response)).GetProperty("currentVersion");
        return current.ValueKind == System.Text.Json.JsonValueKind.Null ? null : current.GetInt32();
    }

    private static async Task<System.Text.Json.JsonElement> AcceptedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("/v1/models/", response.Headers.Location?.OriginalString);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.Clone();
    }
}
