package erlang

import "math"

// bruteForce holds Erlang A figures computed straight from the
// continuous-time Markov chain, with none of the package's closed forms,
// incomplete gamma functions or series: the tests' independent reference.
type bruteForce struct {
	pWait, pAbandon, serviceLevel, asa float64
}

// solveCTMC computes the figures of Erlang A (M/M/n+M) for p by brute force.
//
// The number in system is a birth–death chain with birth rate λ and death
// rate kμ for k ≤ n and nμ + (k−n)θ above; its stationary law is found by
// detailed balance, in logs, and truncated where the weights fall below
// e^(−50) ≈ 2e-22 of the largest. PASTA: an arrival sees that law. P(abandon) is the
// abandonment rate θ·E[queue] over λ.
//
// An arrival finding j waiting is then followed as a chain of its own: with
// i ahead it moves up at rate nμ + iθ (an agent frees or someone ahead
// abandons; at i = 0 it is answered) and abandons at rate θ. Its chance of
// being answered within T is found by uniformization, and E[wait·1{answered}]
// by first-step analysis: m_i = h_i/R_i + q_i·m_{i−1}, with R_i the total
// rate, q_i the chance of moving up and h_i = q_i·h_{i−1} the chance of being
// answered.
func solveCTMC(p Params) bruteForce {
	lambda, mu, theta := p.ArrivalRate, 1/p.HandleTime, 1/p.Patience
	n := p.Agents
	death := func(k int) float64 {
		if k <= n {
			return float64(k) * mu
		}
		return float64(n)*mu + float64(k-n)*theta
	}

	// Log weights of states 0, 1, … until they are negligible.
	logw := []float64{0}
	peak := 0.0
	for k := 1; ; k++ {
		lw := logw[k-1] + math.Log(lambda/death(k))
		logw = append(logw, lw)
		peak = math.Max(peak, lw)
		if k > n && lw < peak-50 {
			break
		}
	}
	pi := make([]float64, len(logw))
	var total float64
	for k, lw := range logw {
		pi[k] = math.Exp(lw - peak)
		total += pi[k]
	}
	for k := range pi {
		pi[k] /= total
	}

	var bf bruteForce
	var queue, answeredInTime, waitAnswered float64
	for k, pk := range pi {
		if k < n {
			answeredInTime += pk
			continue
		}
		j := k - n
		bf.pWait += pk
		queue += float64(j) * pk
		answeredInTime += pk * answeredWithin(n, mu, theta, j, p.AnswerWithin)
		waitAnswered += pk * meanWaitIfAnswered(n, mu, theta, j)
	}
	bf.pAbandon = theta * queue / lambda
	bf.serviceLevel = answeredInTime
	bf.asa = waitAnswered / (1 - bf.pAbandon)
	return bf
}

// answeredWithin returns the probability that an arrival finding j waiting
// is answered within t, by uniformization of its own chain.
func answeredWithin(n int, mu, theta float64, j int, t float64) float64 {
	up := func(i int) float64 { return float64(n)*mu + float64(i)*theta }
	unif := up(j) + theta // the largest total rate
	// prob[i] is the chance of having i ahead after the jumps so far.
	prob := make([]float64, j+1)
	next := make([]float64, j+1)
	prob[j] = 1
	answered := 0.0
	lt := unif * t
	poisson := math.Exp(-lt)
	// Beyond lt + 12√lt + 40 jumps the Poisson tail is far below 1e-20.
	steps := int(lt + 12*math.Sqrt(lt) + 40)
	result := 0.0
	for step := 0; step <= steps; step++ {
		if step > 0 {
			poisson *= lt / float64(step)
			for i := range next {
				next[i] = 0
			}
			for i, pr := range prob {
				if pr == 0 {
					continue
				}
				move := up(i) / unif
				next[i] += pr * (1 - move - theta/unif)
				if i == 0 {
					answered += pr * move
				} else {
					next[i-1] += pr * move
				}
			}
			prob, next = next, prob
		}
		result += poisson * answered
	}
	return result
}

// meanWaitIfAnswered returns E[wait·1{answered}] for an arrival finding j
// waiting, by first-step analysis.
func meanWaitIfAnswered(n int, mu, theta float64, j int) float64 {
	h, m := 1.0, 0.0 // h_{−1} = 1: "moving up" from −1 means answered.
	for i := 0; i <= j; i++ {
		up := float64(n)*mu + float64(i)*theta
		rate := up + theta
		q := up / rate
		h *= q
		m = h/rate + q*m
	}
	return m
}
