namespace Conduit.AuthService.Tests.Infrastructure;

/// <summary>Runs one client operation through its synchronous or its asynchronous form, so a test covers both paths.</summary>
public static class Calls
{
    public const string Password = "Str0ng!Passw0rd";
    public const string NewPassword = "N3w!Passw0rd-x";

    public static Task<T> Run<T>(bool sync, Func<T> syncCall, Func<Task<T>> asyncCall) =>
        sync ? Task.FromResult(syncCall()) : asyncCall();

    public static Task Run(bool sync, Action syncCall, Func<Task> asyncCall)
    {
        if (!sync)
        {
            return asyncCall();
        }

        syncCall();
        return Task.CompletedTask;
    }

    /// <summary>Runs a call expected to fail and returns its <see cref="AuthException"/>.</summary>
    public static async Task<AuthException> Fails(bool sync, Action syncCall, Func<Task> asyncCall) =>
        sync ? Assert.Throws<AuthException>(syncCall) : await Assert.ThrowsAsync<AuthException>(asyncCall);
}
