namespace Hub.Testing;

/// <summary>
/// Where an inspection test starts: a province with a city under it and the province's
/// inspector, signed in, created with fresh ids by the global admin through the REST API.
/// </summary>
public sealed class InspectedProvince
{
    private readonly HubApi _api;
    private readonly BodiesClient _bodies;
    private readonly string _adminToken;

    private InspectedProvince(HubApi api, BodiesClient bodies, string adminToken, string province, string city, BodiesClient.Staff inspector)
    {
        _api = api;
        _bodies = bodies;
        _adminToken = adminToken;
        Province = province;
        City = city;
        Inspector = inspector;
    }

    public string Province { get; }

    public string City { get; }

    public BodiesClient.Staff Inspector { get; }

    public static async Task<InspectedProvince> Create(HubApi api, string cityName = "某市人民政府")
    {
        var bodies = new BodiesClient(api);
        var admin = (await api.Admin()).Token;
        var province = await bodies.Body(admin, "province", null, "某省人民政府办公厅");
        var city = await bodies.Body(admin, "city", province, cityName);
        var inspector = await bodies.Member(admin, province, "inspector");
        return new InspectedProvince(api, bodies, admin, province, city, inspector);
    }

    /// <summary>A new account of the body, the city unless another is named.</summary>
    public Task<string> Account(string? bodyId = null, string channel = "wechat", string name = "政务公众号") =>
        _bodies.Account(_adminToken, bodyId ?? City, channel, name);

    /// <summary>A new staff member of the body with roles over it, signed in.</summary>
    public Task<BodiesClient.Staff> Member(string bodyId, params string[] roles) => _bodies.Member(_adminToken, bodyId, roles);

    /// <summary>
    /// The inspector sets the province's rules so that an account without an update in the last
    /// millisecond is flagged no-update: every account of a fresh test is.
    /// </summary>
    public async Task FlagEveryQuietAccount() =>
        await BodiesClient.Ok(await _api.Send(HttpMethod.Put, $"/api/bodies/{Province}/inspection-rules", Inspector.Token,
            new { noUpdateWarning = "00:00:00.001", unansweredVeto = "90.00:00:00", inactiveAfter = "180.00:00:00", replyTarget = "1.00:00:00" }));
}
