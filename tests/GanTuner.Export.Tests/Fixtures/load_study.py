"""Loads an exported study with Optuna's own API and prints what Optuna sees, as JSON."""
import json
import sys
import warnings

warnings.simplefilter("ignore")
import optuna  # noqa: E402

storage, name = sys.argv[1], sys.argv[2]
study = optuna.load_study(study_name=name, storage=storage)
trials = []
for t in study.get_trials(deepcopy=False):
    trials.append({
        "number": t.number,
        "state": t.state.name,
        "value": t.value,
        "params": t.params,
        "distributions": {k: type(d).__name__ for k, d in t.distributions.items()},
        "user_attrs": t.user_attrs,
        "intermediate": {str(k): v for k, v in t.intermediate_values.items()},
    })
print(json.dumps({
    "optuna": optuna.__version__,
    "direction": study.direction.name,
    "best_value": study.best_value if any(t["state"] == "COMPLETE" for t in trials) else None,
    "best_number": study.best_trial.number if any(t["state"] == "COMPLETE" for t in trials) else None,
    "user_attrs": study.user_attrs,
    "trials": trials,
}))
