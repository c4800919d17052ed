using System.Globalization;
using System.Text;
using GanTuner.Storage;

namespace GanTuner.Dashboard.Live;

/// <summary>For a store without a change counter: a fingerprint of every study's trial states and running
/// trials' attributes (epoch progress). It reads everything, so it suits small stores (in memory, tests).</summary>
internal sealed class SnapshotChangeProbe(IStudyStore store) : IStoreChangeProbe
{
    public string Token()
    {
        var text = new StringBuilder();
        foreach (var study in store.ListStudies())
        {
            text.Append(study.Name).Append('\u001f');
            foreach (var trial in store.GetTrials(study.Name))
            {
                text.Append(trial.Number.ToString(CultureInfo.InvariantCulture)).Append(trial.State).Append(';');
                if (trial.State == TrialState.Running)
                {
                    foreach (var (key, value) in trial.Attributes)
                    {
                        text.Append(key).Append('=').Append(value).Append(';');
                    }
                }
            }
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public void Dispose()
    {
    }
}
