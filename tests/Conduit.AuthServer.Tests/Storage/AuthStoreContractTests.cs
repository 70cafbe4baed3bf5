using Conduit.AuthServer.Email;
using Conduit.AuthServer.Storage;
using Conduit.AuthServer.Tokens;

namespace Conduit.AuthServer.Tests.Storage;

/// <summary>The behaviour every store must have; run against SQLite and, when it can be started, PostgreSQL.</summary>
public abstract class AuthStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A new, empty, initialised store.</summary>
    private protected abstract Task<SqlAuthStore> CreateStoreAsync();

    [Fact]
    public async Task InitializeAsync_RunTwice_IsIdempotent()
    {
        await using var store = await CreateStoreAsync();

        await store.InitializeAsync(Cancel);

        Assert.True(await store.PingAsync(Cancel));
    }

    [Fact]
    public async Task TryAddUserAsync_DuplicateNormalizedEmail_ReturnsFalse()
    {
        await using var store = await CreateStoreAsync();

        Assert.True(await store.TryAddUserAsync(User("u1", "a@example.com"), Cancel));
        Assert.False(await store.TryAddUserAsync(User("u2", "a@example.com"), Cancel));
    }

    [Fact]
    public async Task FindUserAsync_ById_AndByEmail_RoundTripsEveryColumn()
    {
        await using var store = await CreateStoreAsync();
        var user = User("u1", "round@example.com") with { IsVerified = true, Role = "admin", UpdatedAt = Now.AddMinutes(5) };
        await store.TryAddUserAsync(user, Cancel);

        Assert.Equal(user, await store.FindUserByIdAsync("u1", Cancel));
        Assert.Equal(user, await store.FindUserByEmailAsync("round@example.com", Cancel));
        Assert.Null(await store.FindUserByIdAsync("missing", Cancel));
    }

    [Fact]
    public async Task TryUpdateUserAsync_EmailOfOtherUser_ReturnsFalseAndKeepsRow()
    {
        await using var store = await CreateStoreAsync();
        await store.TryAddUserAsync(User("u1", "one@example.com"), Cancel);
        await store.TryAddUserAsync(User("u2", "two@example.com"), Cancel);

        Assert.False(await store.TryUpdateUserAsync(User("u2", "one@example.com"), Cancel));
        Assert.True(await store.TryUpdateUserAsync(User("u2", "three@example.com") with { IsActive = false }, Cancel));

        var updated = await store.FindUserByIdAsync("u2", Cancel);
        Assert.Equal("three@example.com", updated!.NormalizedEmail);
        Assert.False(updated.IsActive);
    }

    [Fact]
    public async Task RotateRefreshTokenAsync_ActiveToken_RotatesOnce()
    {
        await using var store = await CreateStoreAsync();
        await SeedRefreshAsync(store, "h1", "family");

        var first = await store.RotateRefreshTokenAsync("h1", "h2", Now, Now.AddDays(1), Cancel);
        var next = await store.RotateRefreshTokenAsync("h2", "h3", Now, Now.AddDays(1), Cancel);

        Assert.Equal(new RefreshRotation(RefreshRotationStatus.Rotated, "u1"), first);
        Assert.Equal(new RefreshRotation(RefreshRotationStatus.Rotated, "u1"), next);
    }

    [Fact]
    public async Task RotateRefreshTokenAsync_RotatedTokenAgain_ReportsReuseAndRevokesFamily()
    {
        await using var store = await CreateStoreAsync();
        await SeedRefreshAsync(store, "h1", "family");
        await store.AddRefreshTokenAsync(new RefreshTokenRecord("other", "u1", "other-family", Now, Now.AddDays(1)), Cancel);
        await store.RotateRefreshTokenAsync("h1", "h2", Now, Now.AddDays(1), Cancel);

        var reuse = await store.RotateRefreshTokenAsync("h1", "h3", Now, Now.AddDays(1), Cancel);

        Assert.Equal(RefreshRotationStatus.Reused, reuse.Status);
        Assert.Equal(RefreshRotationStatus.Invalid, (await store.RotateRefreshTokenAsync("h2", "h4", Now, Now.AddDays(1), Cancel)).Status);
        Assert.Equal(RefreshRotationStatus.Rotated, (await store.RotateRefreshTokenAsync("other", "h5", Now, Now.AddDays(1), Cancel)).Status);
    }

    [Fact]
    public async Task RotateRefreshTokenAsync_ConcurrentRotations_ExactlyOneWins()
    {
        await using var store = await CreateStoreAsync();
        await SeedRefreshAsync(store, "h1", "family");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => store.RotateRefreshTokenAsync("h1", $"n{i}", Now, Now.AddDays(1), Cancel)));

        Assert.Equal(1, results.Count(r => r.Status == RefreshRotationStatus.Rotated));
        Assert.Equal(5, results.Count(r => r.Status == RefreshRotationStatus.Reused));
    }

    [Fact]
    public async Task RotateRefreshTokenAsync_ExpiredOrUnknownToken_IsInvalid()
    {
        await using var store = await CreateStoreAsync();
        await SeedRefreshAsync(store, "h1", "family");

        Assert.Equal(RefreshRotationStatus.Invalid, (await store.RotateRefreshTokenAsync("h1", "h2", Now.AddDays(1), Now.AddDays(2), Cancel)).Status);
        Assert.Equal(new RefreshRotation(RefreshRotationStatus.Invalid, null), await store.RotateRefreshTokenAsync("nope", "h3", Now, Now.AddDays(1), Cancel));
    }

    [Fact]
    public async Task RevokeAsync_FamilyAndAll_RevokeTheRightTokens()
    {
        await using var store = await CreateStoreAsync();
        await SeedRefreshAsync(store, "a1", "fa");
        await store.AddRefreshTokenAsync(new RefreshTokenRecord("b1", "u1", "fb", Now, Now.AddDays(1)), Cancel);
        await store.AddRefreshTokenAsync(new RefreshTokenRecord("c1", "u1", "fc", Now, Now.AddDays(1)), Cancel);

        Assert.Equal("u1", await store.RevokeRefreshFamilyAsync("a1", Now, Cancel));
        Assert.Null(await store.RevokeRefreshFamilyAsync("unknown", Now, Cancel));
        Assert.Equal(RefreshRotationStatus.Invalid, (await store.RotateRefreshTokenAsync("a1", "a2", Now, Now.AddDays(1), Cancel)).Status);
        Assert.Equal(2, await store.RevokeAllRefreshTokensAsync("u1", Now, Cancel));
        Assert.Equal(RefreshRotationStatus.Invalid, (await store.RotateRefreshTokenAsync("b1", "b2", Now, Now.AddDays(1), Cancel)).Status);
    }

    [Fact]
    public async Task ConsumeOneTimeTokenAsync_ValidToken_WorksOnceForItsPurposeOnly()
    {
        await using var store = await CreateStoreAsync();
        await store.TryAddUserAsync(User("u1", "otp@example.com"), Cancel);
        await store.AddOneTimeTokenAsync(new OneTimeTokenRecord("t1", "u1", OneTimeTokenPurpose.PasswordReset, Now, Now.AddHours(1)), Cancel);

        Assert.Null(await store.ConsumeOneTimeTokenAsync("t1", OneTimeTokenPurpose.EmailVerification, Now, Cancel));
        Assert.Equal("u1", await store.ConsumeOneTimeTokenAsync("t1", OneTimeTokenPurpose.PasswordReset, Now, Cancel));
        Assert.Null(await store.ConsumeOneTimeTokenAsync("t1", OneTimeTokenPurpose.PasswordReset, Now, Cancel));
    }

    [Fact]
    public async Task ConsumeOneTimeTokenAsync_ExpiredOrInvalidatedToken_ReturnsNull()
    {
        await using var store = await CreateStoreAsync();
        await store.TryAddUserAsync(User("u1", "otp@example.com"), Cancel);
        await store.AddOneTimeTokenAsync(new OneTimeTokenRecord("t1", "u1", OneTimeTokenPurpose.EmailVerification, Now, Now.AddHours(1)), Cancel);
        await store.AddOneTimeTokenAsync(new OneTimeTokenRecord("t2", "u1", OneTimeTokenPurpose.PasswordReset, Now, Now.AddHours(1)), Cancel);

        await store.InvalidateOneTimeTokensAsync("u1", OneTimeTokenPurpose.PasswordReset, Now, Cancel);

        Assert.Null(await store.ConsumeOneTimeTokenAsync("t1", OneTimeTokenPurpose.EmailVerification, Now.AddHours(1), Cancel));
        Assert.Null(await store.ConsumeOneTimeTokenAsync("t2", OneTimeTokenPurpose.PasswordReset, Now, Cancel));
        Assert.Equal("u1", await store.ConsumeOneTimeTokenAsync("t1", OneTimeTokenPurpose.EmailVerification, Now.AddMinutes(59), Cancel));
    }

    [Fact]
    public async Task RecordFailureAsync_WithinAndAfterWindow_CountsThenRestarts()
    {
        await using var store = await CreateStoreAsync();
        var window = TimeSpan.FromMinutes(15);

        await store.RecordFailureAsync("k", Now, window, Cancel);
        var second = await store.RecordFailureAsync("k", Now.AddMinutes(14), window, Cancel);
        var restarted = await store.RecordFailureAsync("k", Now.AddMinutes(15), window, Cancel);

        Assert.Equal(new ThrottleCounter("k", 2, Now), second);
        Assert.Equal(new ThrottleCounter("k", 1, Now.AddMinutes(15)), restarted);
        Assert.Equal([restarted], await store.GetThrottleCountersAsync(["k", "absent"], Cancel));
        await store.ClearThrottleAsync("k", Cancel);
        Assert.Empty(await store.GetThrottleCountersAsync(["k"], Cancel));
    }

    [Fact]
    public async Task RecordFailureAsync_Concurrent_CountsEveryFailure()
    {
        await using var store = await CreateStoreAsync();

        var counters = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => store.RecordFailureAsync("k", Now, TimeSpan.FromMinutes(15), Cancel)));

        Assert.Equal(Enumerable.Range(1, 10), counters.Select(c => c.Failures).Order());
    }

    [Fact]
    public async Task ListOutboxAsync_ByRecipient_ReturnsOldestFirst()
    {
        await using var store = await CreateStoreAsync();
        var token = OpaqueToken.Generate();
        await store.AddOutboxMessageAsync(new EmailMessage("Me@Example.com", "s1", "b1 " + token, EmailKind.EmailVerification, token), Now, Cancel);
        await store.AddOutboxMessageAsync(new EmailMessage("other@example.com", "s2", "b2", EmailKind.PasswordReset, "t2"), Now, Cancel);
        await store.AddOutboxMessageAsync(new EmailMessage("me@example.com", "s3", "b3", EmailKind.PasswordReset, "t3"), Now.AddSeconds(1), Cancel);

        var mine = await store.ListOutboxAsync("me@example.com", Cancel);

        Assert.Equal(["s1", "s3"], mine.Select(m => m.Subject));
        Assert.Equal(new[] { EmailKind.EmailVerification, EmailKind.PasswordReset }, mine.Select(m => m.Kind));
        Assert.Equal(token, mine[0].Token);
        Assert.Equal("Me@Example.com", mine[0].To);
        Assert.Equal(Now, mine[0].CreatedAt);
        Assert.Equal(3, (await store.ListOutboxAsync(null, Cancel)).Count);
    }

    private static UserRecord User(string id, string email) =>
        new(id, email, email, "hash", "First", "Last", IsActive: true, IsVerified: false, "user", Now, Now);

    private static async Task SeedRefreshAsync(SqlAuthStore store, string hash, string family)
    {
        if (await store.FindUserByIdAsync("u1", Cancel) is null)
        {
            await store.TryAddUserAsync(User("u1", "refresh@example.com"), Cancel);
        }

        await store.AddRefreshTokenAsync(new RefreshTokenRecord(hash, "u1", family, Now, Now.AddHours(12)), Cancel);
    }
}
