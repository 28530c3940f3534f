using Hub.Grains.Questions;

namespace Hub.Grains.Tests;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("电话13812345678请回电", "电话138****5678请回电")]
    [InlineData("电话+8613812345678", "电话+86138****5678")]
    [InlineData("电话 +86 138 1234 5678", "电话 +86 138****5678")]
    [InlineData("电话0086-138-1234-5678", "电话0086-138****5678")]
    [InlineData("电话8613812345678", "电话86138****5678")]
    [InlineData("电话138 1234 5678。", "电话138****5678。")]
    [InlineData("电话138-1234-5678，谢谢", "电话138****5678，谢谢")]
    [InlineData("电话138.1234.5678", "电话138****5678")]
    [InlineData("电话１３８１２３４５６７８", "电话138****5678")]
    [InlineData("电话１３８　１２３４　５６７８！", "电话138****5678！")]
    [InlineData("身份证11010119900307123X", "身份证110101********123X")]
    [InlineData("身份证110101 19900307 123x", "身份证110101********123x")]
    [InlineData("身份证110101-19900307-1234", "身份证110101********1234")]
    [InlineData("身份证1101 0119 9003 0712 34", "身份证110101********1234")]
    [InlineData("身份证１１０１０１１９９００３０７１２３Ｘ", "身份证110101********123X")]
    [InlineData("邮箱zhang.san@example.com，", "邮箱z***@example.com，")]
    [InlineData("邮箱zhang.san＠example.com", "邮箱z***@example.com")]
    [InlineData("邮箱ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ？", "邮箱z***@example.com？")]
    [InlineData("13812345678@qq.com", "138****5***@qq.com")]
    public void Personal_data_is_masked_however_it_is_written(string text, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Apply(text));

    [Theory]
    [InlineData("活动在2024-03-15 10:30开始，2024年3月15日截止")]
    [InlineData("订单号202403151234567890已付款")]
    [InlineData("订单号 2024031512345678 已付款")]
    [InlineData("18位订单号 202413451234567890 已发货")]
    [InlineData("编号123456789012和138123456789")]
    [InlineData("票价¥138.00，共13,800元，优惠1380.5元")]
    [InlineData("热线12345，座机010-12345678")]
    [InlineData("第13、14、15条，共3 14 15 92 65页")]
    [InlineData("全角标点，问号？感叹号！括号（）保持原样")]
    [InlineData("emoji 😀 和 @提及 都不变")]
    public void Ordinary_text_stays_as_it_is(string text) =>
        Assert.Equal(text, PersonalDataMask.Apply(text));
}
