using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace Conduit.Mist.Credentials;

/// <summary>
/// The Windows Credential Manager (generic credentials, persisted for the local machine). The target name is
/// <c>account@service</c>, as Python's <c>keyring</c> names compound entries. Only works on Windows; elsewhere every
/// call throws <see cref="KeyringUnavailableException"/>.
/// </summary>
public sealed class WindowsCredentialManagerKeyring : IKeyring
{
    /// <inheritdoc />
    public string Name => "Windows Credential Manager";

    /// <inheritdoc />
    public string? GetPassword(string service, string account, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return OperatingSystem.IsWindows() ? Read(Target(service, account), account) : throw NotWindows();
    }

    /// <inheritdoc />
    public ValueTask<string?> GetPasswordAsync(string service, string account, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(GetPassword(service, account, cancellationToken));

    /// <inheritdoc />
    public void SetPassword(string service, string account, string secret, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (!OperatingSystem.IsWindows())
        {
            throw NotWindows();
        }

        Write(Target(service, account), account, secret);
    }

    /// <inheritdoc />
    public ValueTask SetPasswordAsync(string service, string account, string secret, CancellationToken cancellationToken = default)
    {
        SetPassword(service, account, secret, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void DeletePassword(string service, string account, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!OperatingSystem.IsWindows())
        {
            throw NotWindows();
        }

        Delete(Target(service, account), account);
    }

    /// <inheritdoc />
    public ValueTask DeletePasswordAsync(string service, string account, CancellationToken cancellationToken = default)
    {
        DeletePassword(service, account, cancellationToken);
        return ValueTask.CompletedTask;
    }

    internal static string Target(string service, string account)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return account + "@" + service;
    }

    private static KeyringUnavailableException NotWindows() =>
        new("The Windows Credential Manager exists only on Windows; use SystemKeyring.Create() to get this machine's keyring.");

    [SupportedOSPlatform("windows")]
    private string? Read(string target, string account)
    {
        var name = Marshal.StringToHGlobalUni(target);
        try
        {
            if (WindowsCredentialNative.CredRead(name, WindowsCredentialNative.GenericCredential, 0, out var pointer) == 0)
            {
                var error = Marshal.GetLastPInvokeError();
                return error == WindowsCredentialNative.ErrorNotFound ? null : throw Failed("read", account, error);
            }

            try
            {
                var credential = Marshal.PtrToStructure<WindowsCredentialNative.Credential>(pointer);
                if (credential.CredentialBlob == IntPtr.Zero || credential.CredentialBlobSize == 0)
                {
                    return string.Empty;
                }

                var bytes = new byte[credential.CredentialBlobSize];
                Marshal.Copy(credential.CredentialBlob, bytes, 0, bytes.Length);
                return Encoding.Unicode.GetString(bytes);
            }
            finally
            {
                WindowsCredentialNative.CredFree(pointer);
            }
        }
        finally
        {
            Marshal.FreeHGlobal(name);
        }
    }

    [SupportedOSPlatform("windows")]
    private void Write(string target, string account, string secret)
    {
        var bytes = Encoding.Unicode.GetBytes(secret);
        var name = Marshal.StringToHGlobalUni(target);
        var user = Marshal.StringToHGlobalUni(account);
        var blob = Marshal.AllocHGlobal(bytes.Length);
        try
        {
            Marshal.Copy(bytes, 0, blob, bytes.Length);
            var credential = new WindowsCredentialNative.Credential
            {
                Type = WindowsCredentialNative.GenericCredential,
                TargetName = name,
                CredentialBlobSize = (uint)bytes.Length,
                CredentialBlob = blob,
                Persist = WindowsCredentialNative.PersistLocalMachine,
                UserName = user,
            };
            if (WindowsCredentialNative.CredWrite(ref credential, 0) == 0)
            {
                throw Failed("write", account, Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            Array.Clear(bytes);
            Marshal.Copy(new byte[bytes.Length], 0, blob, bytes.Length);
            Marshal.FreeHGlobal(blob);
            Marshal.FreeHGlobal(user);
            Marshal.FreeHGlobal(name);
        }
    }

    [SupportedOSPlatform("windows")]
    private void Delete(string target, string account)
    {
        var name = Marshal.StringToHGlobalUni(target);
        try
        {
            if (WindowsCredentialNative.CredDelete(name, WindowsCredentialNative.GenericCredential, 0) == 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error != WindowsCredentialNative.ErrorNotFound)
                {
                    throw Failed("delete", account, error);
                }
            }
        }
        finally
        {
            Marshal.FreeHGlobal(name);
        }
    }

    private KeyringException Failed(string operation, string account, int error) =>
        new($"{Name}: {operation} of '{account}' failed (Win32 error {error}).");
}
