using System.Runtime.InteropServices;

namespace Conduit.Mist.Credentials;

/// <summary>The Windows Credential Manager API (advapi32), with blittable signatures only (no runtime marshalling, AOT-safe).</summary>
internal static class WindowsCredentialNative
{
    public const uint GenericCredential = 1;
    public const uint PersistLocalMachine = 2;
    public const int ErrorNotFound = 1168;

    [DllImport("advapi32.dll", EntryPoint = "CredReadW", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int CredRead(IntPtr targetName, uint type, uint flags, out IntPtr credential);

    [DllImport("advapi32.dll", EntryPoint = "CredWriteW", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int CredWrite(ref Credential credential, uint flags);

    [DllImport("advapi32.dll", EntryPoint = "CredDeleteW", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int CredDelete(IntPtr targetName, uint type, uint flags);

    [DllImport("advapi32.dll", EntryPoint = "CredFree", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern void CredFree(IntPtr buffer);

    /// <summary>The <c>CREDENTIALW</c> structure; strings are native UTF-16 pointers.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Credential
    {
        public uint Flags;
        public uint Type;
        public IntPtr TargetName;
        public IntPtr Comment;
        public uint LastWrittenLow;
        public uint LastWrittenHigh;
        public uint CredentialBlobSize;
        public IntPtr CredentialBlob;
        public uint Persist;
        public uint AttributeCount;
        public IntPtr Attributes;
        public IntPtr TargetAlias;
        public IntPtr UserName;
    }
}
