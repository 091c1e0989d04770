// Package shard writes and reads part files: the results of one shard of
// a sharded run or sweep (an experiment.Part), behind a header that names
// the experiment and carries the payload's SHA-256 (parthead.go), so that
// merge can check the parts against each other and refuse a damaged one by
// name (WritePart, ReadPart, ReadPartHead, PartFiles).
//
// It neither splits the replications among shards (experiment.Shard) nor
// merges them (experiment.CheckParts and omnisim merge).
package shard
