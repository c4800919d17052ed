using System.Runtime.InteropServices;

namespace GanTuner.Reporting;

/// <summary>
/// Puts a fully written folder in the place of another in one step. On Linux, <c>renameat2(RENAME_EXCHANGE)</c>
/// swaps the two names atomically: any observer, and a crash at any instant, sees either the old folder or the new
/// one under the name, never neither and never a mix. Elsewhere (or on a file system without the call) two renames
/// on one file system are the fallback: the old folder is moved aside, then the new one moved in, so a crash between
/// them leaves the old folder whole beside the name rather than half of either.
/// </summary>
internal static partial class DirectorySwap
{
    private const int CurrentDirectory = -100;
    private const uint RenameExchange = 2;

    /// <summary>Exchanges <paramref name="replacement"/> and <paramref name="target"/> (both existing folders on one
    /// file system): afterwards <paramref name="target"/> holds the new content and <paramref name="replacement"/> the old.</summary>
    public static void Exchange(string replacement, string target)
    {
        if (OperatingSystem.IsLinux() && TryExchange(replacement, target))
        {
            return;
        }

        var aside = replacement + ".old";
        Directory.Move(target, aside);
        Directory.Move(replacement, target);
        Directory.Move(aside, replacement);
    }

    private static bool TryExchange(string a, string b)
    {
        try
        {
            return RenameAt2(CurrentDirectory, a, CurrentDirectory, b, RenameExchange) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            // A C library older than glibc 2.28 lacks the wrapper.
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
