namespace PolicyAssistant.Domain.Households;

/// <summary>What was done with household data.</summary>
public enum HouseholdAuditAction
{
    ViewFamilyDoctor,
    ViewCertifications,
    ViewSettlements,
    Estimate,
    BindingCodeSent,
    BindingCodeRejected,
    Bind,
    Unbind,

    /// <summary>Staff listed households in the back office (no single household: the page of rows).</summary>
    ListHouseholds,

    /// <summary>Staff opened one household in the back office.</summary>
    ViewHousehold,

    /// <summary>Staff opened a bound household's 转人工 ticket (with its conversation).</summary>
    ViewTicket,

    /// <summary>An administrator revealed a binding code in the embedded SMS outbox.</summary>
    RevealBindingCode,

    /// <summary>Staff imported a roster workbook (one row per import, with its job in <see cref="HouseholdAuditEntry.Detail"/>).</summary>
    ImportRoster,

    /// <summary>Staff exported a filtered household list (the filter in <see cref="HouseholdAuditEntry.Detail"/>).</summary>
    ExportHouseholds,

    /// <summary>An administrator asked to see a member's full ID number.</summary>
    RevealIdNumber,

    /// <summary>Staff listed failed binding attempts (the page in <see cref="HouseholdAuditEntry.Detail"/>).</summary>
    ListBindingFailures,
}

/// <summary>
/// One read or change of household data by the bot or the back office. It holds ids only, never
/// personal data: <see cref="Actor"/> is “{channel}:{user key hash}” for a bot user or “staff:{id}”.
/// </summary>
public sealed class HouseholdAuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC.</summary>
    public DateTime OccurredAt { get; set; }

    public required string Actor { get; set; }

    public int? HouseholdId { get; set; }

    public int? MemberId { get; set; }

    public HouseholdAuditAction Action { get; set; }

    /// <summary>What a back-office action covered (an import job, a list's filter); never an ID number or phone.</summary>
    public string? Detail { get; set; }
}
