using System.Data.Common;

namespace Hub.Grains.Common;

/// <summary>Recognises a failure whose cause is a database that could not be reached.</summary>
public static class StorageFailure
{
    public static bool IsCause(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            if (failure is DbException)
            {
                return true;
            }
        }
        return false;
    }
}
