namespace Hub.LoadTests.Scenarios;

/// <summary>
/// The sequence numbers one follower has received, to tell a duplicate from an update that
/// came out of order, and to count at the end what never came.
/// </summary>
public sealed class FollowerTally
{
    private readonly Lock _gate = new();
    private readonly HashSet<long> _seen = [];
    private long _highest;

    public enum Arrival
    {
        InOrder,
        OutOfOrder,
        Duplicate,
    }

    public Arrival Receive(long seq)
    {
        lock (_gate)
        {
            if (!_seen.Add(seq))
            {
                return Arrival.Duplicate;
            }
            var inOrder = seq > _highest;
            _highest = Math.Max(_highest, seq);
            return inOrder ? Arrival.InOrder : Arrival.OutOfOrder;
        }
    }

    /// <summary>Sequence numbers already in the snapshot the follower started from.</summary>
    public void Seed(IEnumerable<long> seqs)
    {
        foreach (var seq in seqs)
        {
            Receive(seq);
        }
    }

    public int Missing(IReadOnlyCollection<long> expected)
    {
        lock (_gate)
        {
            return expected.Count(seq => !_seen.Contains(seq));
        }
    }
}
