namespace Hub.Grains.Limits;

/// <summary>
/// How much one client address or one user may do, bound from <c>Hub:Limits</c>. Refused
/// work stores nothing and answers rate_limited (429 with Retry-After over REST).
/// </summary>
public sealed class LimitOptions
{
    public const string Section = "Hub:Limits";

    /// <summary>False turns every per-user and per-address limit off, for load tests on a closed network.</summary>
    public bool Enabled { get; set; } = true;

    // Per client address, on each web node. Generous, because a carrier or an office NAT
    // puts many honest citizens behind one address; tight enough that one script cannot
    // mint the identities it would need to outvote or outask everyone.

    /// <summary>Citizen tokens one address may obtain.</summary>
    public RateLimit CitizenTokens { get; set; } = new() { Permits = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Staff sign-in attempts from one address, right or wrong.</summary>
    public RateLimit StaffSignIns { get; set; } = new() { Permits = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Public events opened from one address.</summary>
    public RateLimit EventOpens { get; set; } = new() { Permits = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Tries from one address to come back to a conversation with its reference number and return code.</summary>
    public RateLimit ConversationReturns { get; set; } = new() { Permits = 10, Window = TimeSpan.FromMinutes(1) };

    // Per user, across every node of the cluster: a person types and reads at human speed.

    /// <summary>Chat messages one user sends, over all their conversations.</summary>
    public RateLimit Messages { get; set; } = new() { Permits = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Typing notices one user sends; the pages send at most one every few seconds.</summary>
    public RateLimit Typing { get; set; } = new() { Permits = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Conversations one citizen starts.</summary>
    public RateLimit ConversationStarts { get; set; } = new() { Permits = 10, Window = TimeSpan.FromHours(1) };

    /// <summary>Questions one citizen asks, over all boards (each board also has its own, Hub:Questions).</summary>
    public RateLimit Questions { get; set; } = new() { Permits = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Votes one citizen casts, over all boards.</summary>
    public RateLimit Votes { get; set; } = new() { Permits = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Notes, labels, transfers to colleagues, capacities, reassignments and canned-response changes one staff member makes.</summary>
    public RateLimit DeskChanges { get; set; } = new() { Permits = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Conversations one citizen may have open (queued or assigned) with one account at once.</summary>
    public int OpenConversationsPerAccount { get; set; } = 3;
}

/// <summary>At most <see cref="Permits"/> actions in any <see cref="Window"/>.</summary>
public sealed class RateLimit
{
    public int Permits { get; set; }
    public TimeSpan Window { get; set; }

    public bool IsValid => Permits > 0 && Window > TimeSpan.Zero;
}
