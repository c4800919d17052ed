namespace GanTuner.Storage;

/// <summary>Which way a study optimises its value. Only minimisation exists today (every objective is an
/// error to drive down); the field is stored so a later version can add maximisation without a migration.</summary>
public enum StudyDirection
{
    Minimize,
}
