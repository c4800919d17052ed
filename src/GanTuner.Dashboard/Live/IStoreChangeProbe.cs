namespace GanTuner.Dashboard.Live;

/// <summary>Tells cheaply whether anything was written to the store: two equal tokens mean no write in between.</summary>
internal interface IStoreChangeProbe : IDisposable
{
    string Token();
}
