using Microsoft.AspNetCore.Http.HttpResults;
using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Web.Estimate;

/// <summary>
/// The body of POST /api/estimate. Enums are written as their English names (“county”, “inpatient”,
/// “trafficAccident”), case-insensitive; see README.md.
/// </summary>
public sealed record EstimateApiRequest(
    decimal? TotalBill,
    decimal? CoveredCost,
    string? HospitalLevel,
    bool? InCounty,
    bool? HasReferral,
    bool? DesignatedHospital,
    bool? Emergency,
    bool? IsRegisteredPoor,
    string? Care,
    string? Exclusion,
    string? CountyCode,
    DateOnly? Date);

public sealed record EstimatePayments(
    decimal BasicInsurance,
    decimal CriticalIllnessInsurance,
    decimal SupplementaryInsurance,
    decimal MedicalAssistance,
    decimal SafetyNet,
    decimal TownshipHealthCenterShare,
    decimal CountyFinanceShare);

public sealed record EstimateApiStep(string? Scheme, string Text, decimal Amount);

public sealed record EstimateApiResponse(
    decimal TotalBill,
    decimal CoveredCost,
    EstimatePayments Payments,
    decimal TotalReimbursement,
    decimal SelfPay,
    decimal ActualReimbursementRatio,
    bool SafetyNetApplies,
    IReadOnlyList<EstimateApiStep> Steps,
    string PolicySet,
    string? Notice);

/// <summary>The settlement estimator as JSON, for the chat page and for partners; it reads no household data.</summary>
public static class EstimateApi
{
    public static IEndpointRouteBuilder MapEstimateApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/estimate", Estimate).DisableAntiforgery();
        return endpoints;
    }

    public static Results<Ok<EstimateApiResponse>, ValidationProblem> Estimate(
        EstimateApiRequest body, PolicyParameterCatalog catalog, SettlementEstimator estimator, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var level = ParseEnum<HospitalLevel>(body.HospitalLevel, "hospitalLevel", "医院级别应为 township、county、city 或 province。", errors, required: true);
        var care = ParseEnum<CareSetting>(body.Care, "care", "就诊类型应为 inpatient 或 outpatient。", errors, required: false) ?? CareSetting.Inpatient;
        var exclusion = ParseEnum<ExclusionReason>(body.Exclusion, "exclusion", "不予报销的情形无法识别。", errors, required: false);
        Require(body.TotalBill, "totalBill", "请填写总费用 totalBill（元）。", errors);
        Require(body.InCounty, "inCounty", "请说明是否在县域内就医 inCounty（true/false）。", errors);
        Require(body.IsRegisteredPoor, "isRegisteredPoor", "请说明是否建档立卡贫困人口 isRegisteredPoor（true/false）。", errors);

        var policy = FindPolicy(body, catalog, clock, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "估算请求有误");
        }

        var request = new SettlementRequest
        {
            TotalBill = body.TotalBill!.Value,
            CoveredCost = body.CoveredCost,
            HospitalLevel = level!.Value,
            InCounty = body.InCounty!.Value,
            HasReferral = body.HasReferral ?? false,
            DesignatedHospital = body.DesignatedHospital ?? true,
            Emergency = body.Emergency ?? false,
            IsRegisteredPoor = body.IsRegisteredPoor!.Value,
            Care = care,
            Exclusion = exclusion,
        };
        if (request.Validate() is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = [.. problems] }, title: "估算请求有误");
        }

        var estimate = estimator.Estimate(request, policy!);
        var b = estimate.Breakdown;
        return TypedResults.Ok(new EstimateApiResponse(
            b.TotalBill,
            b.CoveredCost,
            new EstimatePayments(b.BasicInsurance, b.CriticalIllnessInsurance, b.SupplementaryInsurance, b.MedicalAssistance, b.SafetyNet, b.TownshipHealthCenterShare, b.CountyFinanceShare),
            b.TotalReimbursement,
            b.SelfPay,
            b.ActualReimbursementRatio,
            estimate.SafetyNetApplies,
            estimate.Steps.Select(step => new EstimateApiStep(step.Scheme is { } scheme ? CamelCase(scheme.ToString()) : null, step.Text, step.Amount)).ToList(),
            estimate.PolicySetKey,
            estimate.Notice));
    }

    /// <summary>The set in force on the date; without a date, today's, else the county's latest.</summary>
    private static PolicyParameterSet? FindPolicy(EstimateApiRequest body, PolicyParameterCatalog catalog, TimeProvider clock, Dictionary<string, string[]> errors)
    {
        var counties = catalog.Sets.Select(set => $"{set.CountyCode}（{set.CountyName}）").Distinct().ToList();
        if (body.CountyCode is not { Length: > 0 } countyCode || catalog.FindLatest(countyCode) is null)
        {
            errors["countyCode"] = [$"没有这个县的报销政策参数。可用的县代码：{string.Join("、", counties)}。"];
            return null;
        }

        if (body.Date is { } date)
        {
            var policy = catalog.Find(countyCode, date);
            if (policy is null)
            {
                errors["date"] = [$"没有 {countyCode} 在 {date:yyyy-MM-dd} 适用的报销政策参数。"];
            }

            return policy;
        }

        return catalog.Find(countyCode, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)) ?? catalog.FindLatest(countyCode);
    }

    private static TEnum? ParseEnum<TEnum>(string? value, string field, string message, Dictionary<string, string[]> errors, bool required)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors[field] = [message];
            }

            return null;
        }

        // Names only: "1" would parse as a number, and numbers are not part of the contract.
        if (value.All(char.IsAsciiLetter) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors[field] = [message];
        return null;
    }

    private static void Require<T>(T? value, string field, string message, Dictionary<string, string[]> errors)
        where T : struct
    {
        if (value is null)
        {
            errors[field] = [message];
        }
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
