namespace PolicyAssistant.Application.Sms;

/// <summary>Why a text goes out; it decides the template, the limits and whether an opt-out applies.</summary>
public enum SmsKind
{
    /// <summary>An answer to a message the person sent; always delivered.</summary>
    Reply,

    /// <summary>A login or binding code; always delivered, limited per number.</summary>
    VerificationCode,

    /// <summary>Policy publicity; ends with the opt-out wording and is skipped for numbers that opted out.</summary>
    Campaign,
}

public enum SmsOutboundStatus
{
    /// <summary>Waiting for its (next) attempt; no provider call of an earlier attempt can have succeeded.</summary>
    Queued,

    /// <summary>Claimed by a dispatcher until its lease ends; a provider call may be under way.</summary>
    Sending,

    /// <summary>An attempt ended without an answer: the provider is asked before anything is sent again.</summary>
    Unconfirmed,

    /// <summary>The provider took it; the delivery receipt is awaited.</summary>
    Accepted,

    Delivered,

    /// <summary>Rejected for good, out of attempts, or reported undeliverable: see the error code.</summary>
    Failed,

    /// <summary>Not sent on purpose: a campaign text to a number that opted out.</summary>
    Skipped,
}

public enum SmsInboundStatus
{
    /// <summary>Stored and acknowledged; the turn has not run yet.</summary>
    Received,

    /// <summary>Claimed by a worker until its lease ends.</summary>
    Processing,

    Processed,

    /// <summary>The turn kept failing; kept for staff to look at.</summary>
    Failed,
}

/// <summary>What became of an inbound text.</summary>
public enum SmsInboundOutcome
{
    None,
    Answered,
    ContinuationSent,
    OptedOut,
    OptedIn,
    OverLimitNotified,
    OverLimitIgnored,
    Ignored,
}
