namespace Conduit.Cli.Commands;

/// <summary>
/// Writes files only their owner may read or write (mode 0600 on Unix): created private under a temporary name, then
/// moved over the old file, so a reader never sees half a file and the secret is never readable by others.
/// </summary>
internal static class PrivateFile
{
    /// <summary>Writes a private file through <paramref name="write"/>, creating its folder if needed.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, fileOptions))
        {
            write(stream);
        }

        if (!OperatingSystem.IsWindows())
        {
            // An existing temporary file keeps its mode on FileMode.Create: make sure.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
