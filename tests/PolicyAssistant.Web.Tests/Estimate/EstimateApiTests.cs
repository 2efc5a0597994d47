using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Domain.Settlement;
using PolicyAssistant.Web.Estimate;

namespace PolicyAssistant.Web.Tests.Estimate;

public sealed class EstimateApiTests(SharedProduct product) : IClassFixture<SharedProduct>
{
    [Fact]
    public async Task PostEstimate_ValidRequest_ReturnsTheEstimatorsBreakdownAndSteps()
    {
        using var client = product.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/estimate", new
        {
            totalBill = 12000m,
            hospitalLevel = "county",
            inCounty = true,
            hasReferral = false,
            designatedHospital = true,
            emergency = false,
            isRegisteredPoor = true,
            care = "inpatient",
            countyCode = "450223",
            date = "2018-06-01",
        });

        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<EstimateApiResponse>())!;
        var catalog = product.Factory.Services.GetRequiredService<PolicyParameterCatalog>();
        var policy = catalog.Find("450223", new DateOnly(2018, 6, 1))!;
        var expected = new SettlementEstimator().Estimate(
            new SettlementRequest { TotalBill = 12000m, HospitalLevel = HospitalLevel.County, InCounty = true, IsRegisteredPoor = true }, policy);
        Assert.Equal("450223-2018", body.PolicySet);
        Assert.Equal(expected.Breakdown.BasicInsurance, body.Payments.BasicInsurance);
        Assert.Equal(expected.Breakdown.SafetyNet, body.Payments.SafetyNet);
        Assert.Equal(expected.Breakdown.SelfPay, body.SelfPay);
        Assert.Equal(expected.Breakdown.ActualReimbursementRatio, body.ActualReimbursementRatio);
        Assert.Equal(expected.SafetyNetApplies, body.SafetyNetApplies);
        Assert.Equal(expected.Steps.Select(step => step.Text), body.Steps.Select(step => step.Text));
        Assert.Equal("basicInsurance", body.Steps[1].Scheme);
        Assert.Equal(expected.Notice, body.Notice);
    }

    [Theory]
    [InlineData("79228162514264337593543950335", null)]
    [InlineData("1000", "79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335", null)]
    public async Task PostEstimate_AmountAtTheDecimalLimit_IsABadRequestWithAChineseMessage(string totalBill, string? coveredCost)
    {
        using var client = product.Factory.CreateClient();
        var body = $$"""
            {"totalBill":{{totalBill}},"coveredCost":{{coveredCost ?? "null"}},"hospitalLevel":"county","inCounty":true,"isRegisteredPoor":true,"countyCode":"450223"}
            """;

        var response = await client.PostAsync("/api/estimate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((HttpStatusCode.BadRequest, "估算请求有误"), (response.StatusCode, problem.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("792281625142643375935439503350")]
    [InlineData("1e400")]
    [InlineData("\"很多\"")]
    public async Task PostEstimate_AmountThatIsNotADecimal_IsABadRequestWithAChineseTitle(string totalBill)
    {
        using var client = product.Factory.CreateClient();
        var body = $$"""{"totalBill":{{totalBill}},"hospitalLevel":"county","inCounty":true,"isRegisteredPoor":true,"countyCode":"450223"}""";

        var response = await client.PostAsync("/api/estimate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((HttpStatusCode.BadRequest, "请求有误：请检查内容的格式，以及数字是否在合理范围内。"), (response.StatusCode, problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task PostEstimate_NoDate_UsesTheCountysLatestRules()
    {
        using var client = product.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/estimate", new { totalBill = 5000, hospitalLevel = "Township", inCounty = true, isRegisteredPoor = false, countyCode = "610822" });

        response.EnsureSuccessStatusCode();
        Assert.Equal("610822-2019", (await response.Content.ReadFromJsonAsync<EstimateApiResponse>())!.PolicySet);
    }

    [Fact]
    public async Task PostEstimate_MissingAndUnknownFields_IsABadRequestNamingEachInChinese()
    {
        using var client = product.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/estimate", new { hospitalLevel = "hospital", countyCode = "999999" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Equal("请填写总费用 totalBill（元）。", errors["totalBill"]);
        Assert.Equal("医院级别应为 township、county、city 或 province。", errors["hospitalLevel"]);
        Assert.StartsWith("请说明是否在县域内就医", errors["inCounty"]);
        Assert.StartsWith("请说明是否建档立卡贫困人口", errors["isRegisteredPoor"]);
        Assert.StartsWith("没有这个县的报销政策参数。可用的县代码：450223（鹿寨县）", errors["countyCode"]);
    }

    [Theory]
    [InlineData(0, null, "总费用必须大于0元。")]
    [InlineData(1000, 2000, "政策范围内费用应在0元到总费用之间。")]
    [InlineData(1000.005, null, "金额最多精确到分。")]
    public async Task PostEstimate_RequestTheEstimatorRefuses_IsABadRequestWithItsMessage(decimal totalBill, int? coveredCost, string message)
    {
        using var client = product.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/estimate", new
        {
            totalBill,
            coveredCost = (decimal?)coveredCost,
            hospitalLevel = "county",
            inCounty = true,
            isRegisteredPoor = true,
            countyCode = "450223",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await ErrorsAsync(response))["request"]);
    }

    [Fact]
    public async Task PostEstimate_DateWithoutRules_IsABadRequest()
    {
        using var client = product.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/estimate", new { totalBill = 1000, hospitalLevel = "county", inCounty = true, isRegisteredPoor = true, countyCode = "450223", date = "2015-01-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("没有 450223 在 2015-01-01 适用的报销政策参数。", (await ErrorsAsync(response))["date"]);
    }

    [Fact]
    public async Task PostEstimate_MalformedJson_IsABadRequest()
    {
        using var client = product.Factory.CreateClient();

        var response = await client.PostAsync("/api/estimate", new StringContent("{\"totalBill\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The first message of each field of the validation problem.</summary>
    private static async Task<Dictionary<string, string>> ErrorsAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(field => field.Name, field => field.Value[0].GetString()!);
    }
}
