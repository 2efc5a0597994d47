namespace PolicyAssistant.Testing;

public static class TempFolders
{
    /// <summary>
    /// Deletes a test's temp folder. A stopped host's last background write (a hit-count flush, SQLite's -shm file)
    /// can land while it is being deleted, so it is tried again; what still resists is left to the system's temp
    /// cleaner rather than failing a test that passed.
    /// </summary>
    public static void Delete(DirectoryInfo folder)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                folder.Delete(recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(100 * attempt);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
