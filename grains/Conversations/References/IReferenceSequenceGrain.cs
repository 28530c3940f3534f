namespace Hub.Grains.Conversations.References;

/// <summary>One day's reference numbers (keyed by the day, <c>20261130</c>): the single writer of that day's sequence.</summary>
public interface IReferenceSequenceGrain : IGrainWithStringKey
{
    /// <summary>The next number of the day, from 1; stored before it is answered, so no two conversations share one.</summary>
    Task<long> Next();
}
