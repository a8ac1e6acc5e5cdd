package store

import "time"

// PoolStats is the use of the requests' connection pool, in the terms both engines share
// (pgxpool.Stat on PostgreSQL, sql.DBStats on SQLite), for the metrics.
type PoolStats struct {
	InUse, Idle, Max int64
	// Waits counts the acquires that found no idle connection and had to wait for one, and
	// WaitTime is the time they waited, both since the pool opened.
	Waits    int64
	WaitTime time.Duration
}

// PoolStats reads the pool's counters; it takes no connection.
func (s *Store) PoolStats() PoolStats {
	if s.pool != nil {
		st := s.pool.Stat()
		return PoolStats{
			InUse: int64(st.AcquiredConns()), Idle: int64(st.IdleConns()), Max: int64(st.MaxConns()),
			Waits: st.EmptyAcquireCount(), WaitTime: st.EmptyAcquireWaitTime(),
		}
	}
	st := s.db.Stats()
	return PoolStats{
		InUse: int64(st.InUse), Idle: int64(st.Idle), Max: int64(st.MaxOpenConnections),
		Waits: st.WaitCount, WaitTime: st.WaitDuration,
	}
}
