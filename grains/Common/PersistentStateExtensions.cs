namespace Hub.Grains.Common;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Writes the state; if the write fails, the activation is dropped so that the next call
    /// reloads what storage really holds. Memory is never left ahead of storage, so nothing
    /// that was not stored is ever acknowledged or acted on.
    /// </summary>
    public static async Task WriteOrReload<T>(this IPersistentState<T> state, Grain grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "its state could not be written"));
            throw;
        }
    }
}
