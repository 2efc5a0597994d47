using Microsoft.AspNetCore.HttpOverrides;
using PolicyAssistant.Web.BackOffice;
using PolicyAssistant.Web.Chat;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Households;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Application.Startup;
using PolicyAssistant.Channels.Sms;
using PolicyAssistant.Channels.WeChat;
using PolicyAssistant.Web.Estimate;
using PolicyAssistant.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
var storage = builder.AddStorage();
builder.AddStartupTasks();
builder.AddKnowledgeBase(storage.ContentFolder);
builder.AddHouseholdServices(storage.ContentFolder, storage.DataFolder);
builder.AddAssistant();
builder.Services.AddWeChat(builder.Configuration);
builder.Services.AddSms(builder.Configuration);
builder.AddBackOffice();

var app = builder.Build();
app.UseForwardedHeaders(new() { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
app.UseExceptionHandler("/Error");
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapStaticAssets();
app.MapRazorPages();
app.MapChatApi();
app.MapWeChat();
app.MapSms();
app.MapEstimateApi();
app.MapBareEndpoints(app.Configuration);
app.Run();

public partial class Program;
