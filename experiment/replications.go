package experiment

// Replications returns how many replications a run of a scenario has:
// given, the number the user asked for (--reps), when it is above 0, or
// else the scenario's own. A run that must meet precision targets starts
// from at least MinPrecisionReps (Precision.Start).
func Replications(scenario, given int) int {
	if given > 0 {
		return given
	}
	return scenario
}
