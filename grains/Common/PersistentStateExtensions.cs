namespace Hub.Grains.Common;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Writes the state; if the write fails, the activation is dropped so that the next call
    /// reloads what storage really holds. Memory is never left ahead of storage, so nothing
    /// that was not stored is ever acknowledged or acted on. An unreachable database is told
    /// to the caller as such (unavailable), so a client knows to try again.
    /// </summary>
    public static async Task WriteOrReload<T>(this IPersistentState<T> state, Grain grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception failure)
        {
            grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "its state could not be written"));
            if (StorageFailure.IsCause(failure))
            {
                throw RuleViolation.Unavailable("storage is unreachable; try again");
            }
            throw;
        }
    }
}
