using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Sms;

public static class SmsSetup
{
    /// <summary>
    /// Registers the SMS channel: options from section "Sms", the gateway named by Sms:Provider, the
    /// outbound pipeline, the inbound store and processor, and both workers. Needs the host's
    /// PolicyAssistantDbContext (scoped), TurnProcessor and a <see cref="TimeProvider"/>; an <see cref="IPhoneDirectory"/>
    /// registered before or after this call replaces the empty default.
    /// </summary>
    public static IHostApplicationBuilder AddSms(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>();
        services.TryAddSingleton<IPhoneDirectory, EmptyPhoneDirectory>();
        services.AddSingleton<SmsSignals>();
        services.AddScoped<SmsQueue>();
        services.AddScoped<SmsDispatcher>();
        services.AddScoped<SmsCampaignBatches>();
        services.AddScoped<SmsAttemptOutcomes>();
        services.AddScoped<SmsReceiptRecorder>();
        services.AddScoped<SmsOutboxCommands>();
        services.AddScoped<SmsInboundStore>();
        services.AddScoped<SmsInboundProcessor>();
        services.AddScoped<SmsIdentity>();

        var provider = builder.Configuration.GetSection(SmsOptions.SectionName).GetValue<SmsProvider?>(nameof(SmsOptions.Provider)) ?? SmsProvider.Outbox;
        switch (provider)
        {
            case SmsProvider.Aliyun:
                services.AddHttpClient<ISmsGateway, AliyunSmsGateway>(client => client.Timeout = Timeout.InfiniteTimeSpan);
                break;
            case SmsProvider.Tencent:
                services.AddHttpClient<ISmsGateway, TencentSmsGateway>(client => client.Timeout = Timeout.InfiniteTimeSpan);
                break;
            default:
                services.AddScoped<ISmsGateway, OutboxSmsGateway>();
                break;
        }

        services.AddHostedService<SmsDispatchWorker>();
        services.AddHostedService<SmsInboundWorker>();
        return builder;
    }
}

/// <summary>Fails start-up with the missing keys named, rather than failing every send later.</summary>
internal sealed class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        var missing = new List<string>();
        if (options.Provider != SmsProvider.Outbox)
        {
            if (string.IsNullOrEmpty(options.AccessKeyId)) missing.Add("Sms:AccessKeyId");
            if (string.IsNullOrEmpty(options.AccessKeySecret)) missing.Add("Sms:AccessKeySecret");
            if (string.IsNullOrEmpty(options.Templates.Reply)) missing.Add("Sms:Templates:Reply");
            if (options.Provider == SmsProvider.Tencent && string.IsNullOrEmpty(options.SdkAppId)) missing.Add("Sms:SdkAppId");
        }

        if (string.IsNullOrWhiteSpace(options.SignName)) missing.Add("Sms:SignName");
        if (options.Limits.MaxReplySegments < 1) missing.Add("Sms:Limits:MaxReplySegments (at least 1)");
        if (options.Dispatch.SendingLease <= options.Dispatch.RequestTimeout) missing.Add("Sms:Dispatch:SendingLease (longer than RequestTimeout)");

        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"SMS provider {options.Provider} needs: {string.Join(", ", missing)}.");
    }
}
