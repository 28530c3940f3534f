using Hub.Grains.Common;

namespace Hub.Grains.Tests;

public sealed class DisplayNameTests
{
    private static readonly IReadOnlyList<string> Reserved = DisplayNameOptions.DefaultReservedCitizenNames;

    [Theory]
    [InlineData("张三", "张三")]
    [InlineData("  李四\u3000", "李四")]
    [InlineData("Zhang San", "Zhang San")]
    [InlineData("Badminton fan 羽毛球", "Badminton fan 羽毛球")]
    [InlineData("Ana María", "Ana María")]
    [InlineData("小王 😀", "小王 😀")]
    public void Ordinary_names_are_kept_trimmed(string name, string kept) =>
        Assert.Equal(kept, DisplayNames.Require(name, isCitizen: true, Reserved));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\u00a0")]
    [InlineData("\u3164\u3164")]
    [InlineData("\u2800")]
    [InlineData("\u0301")]
    [InlineData("张\u0007三")]
    [InlineData("张\n三")]
    [InlineData("\u202egnp.exe")]
    [InlineData("abc\u202adef")]
    [InlineData("abc\u2066def\u2069")]
    [InlineData("张\u200b三")]
    [InlineData("张\u200d三")]
    [InlineData("\ufeff张三")]
    [InlineData("张\u2028三")]
    [InlineData("张\ud800三")]
    [InlineData("\ue000私用")]
    public void Invisible_control_and_direction_characters_are_refused(string? name)
    {
        var refused = Assert.Throws<RuleViolation>(() => DisplayNames.Require(name, isCitizen: false, []));
        Assert.Equal(HubErrorCode.BadRequest, refused.Code);
        Assert.StartsWith("displayName", refused.Message);
    }

    [Fact]
    public void Names_are_at_most_64_characters()
    {
        Assert.Equal(64, DisplayNames.Require(new string('名', 64), isCitizen: true, Reserved).Length);
        Assert.Equal(128, DisplayNames.Require(string.Concat(Enumerable.Repeat("😀", 64)), isCitizen: true, Reserved).Length);
        Assert.Equal(HubErrorCode.BadRequest, Assert.Throws<RuleViolation>(() => DisplayNames.Require(new string('名', 65), isCitizen: true, Reserved)).Code);
    }

    [Theory]
    [InlineData("官方客服")]
    [InlineData("市人民政府")]
    [InlineData("新 闻 办")]
    [InlineData("政·府")]
    [InlineData("Admin Li")]
    [InlineData("li_admin")]
    [InlineData("ADMIN")]
    [InlineData("ａｄｍｉｎ")]
    [InlineData("a d m i n")]
    [InlineData("The Government")]
    [InlineData("Official2024")]
    [InlineData("网信办小编")]
    public void Citizens_may_not_pass_for_officials(string name)
    {
        var refused = Assert.Throws<RuleViolation>(() => DisplayNames.Require(name, isCitizen: true, Reserved));
        Assert.Equal(HubErrorCode.BadRequest, refused.Code);
        Assert.Contains("official", refused.Message);
    }

    [Fact]
    public void Staff_may_use_official_words_and_the_list_is_configurable()
    {
        Assert.Equal("市政府新闻办", DisplayNames.Require("市政府新闻办", isCitizen: false, Reserved));
        Assert.Equal("官方粉丝", DisplayNames.Require("官方粉丝", isCitizen: true, ["旗舰店"]));
        Assert.Throws<RuleViolation>(() => DisplayNames.Require("某某旗舰店", isCitizen: true, ["旗舰店"]));
    }
}
