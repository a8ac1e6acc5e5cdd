package strapidb

import (
	"fmt"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// sessionLabel names a source session in the report.
func sessionLabel(s Session) string {
	return fmt.Sprintf("session %d (%s) of user %d", s.ID, s.SessionID, s.UserID)
}

// importSessions imports the refresh sessions (strapi_sessions of origin users-permissions)
// of the users in im.userIDs, so that a refresh token Strapi issued keeps working here: the
// token is a JWT over JWT_SECRET naming its session id, and the refresh of this service
// looks that id up in up_sessions.
//
// Strapi's rows map onto up_sessions one to one. Strapi 5.54 keeps no family id, only
// child_id (the session a row rotated into): the family of a row is the session id of the
// first row of its chain, found by following the child links back to the root. Strapi
// marks a rotated row status 'rotated' and its child 'active'; both are imported, so that
// replaying a rotated token here is treated as reuse, as for the service's own sessions.
func (im *importer) importSessions(ss []Session) error {
	parent := make(map[string]string, len(ss)) // child session id -> parent session id
	for _, s := range ss {
		if s.ChildID != nil && *s.ChildID != "" {
			parent[*s.ChildID] = s.SessionID
		}
	}
	for i, s := range ss {
		if err := im.importSession(s, familyOf(s.SessionID, parent)); err != nil {
			return fmt.Errorf("import %s: %w", sessionLabel(s), err)
		}
		im.progress("sessions", i+1, len(ss))
	}
	return nil
}

// familyOf follows the parent links from session id to the root of its chain. A cycle
// (which Strapi cannot write) ends the walk where it closes.
func familyOf(id string, parent map[string]string) string {
	seen := map[string]bool{id: true}
	for {
		p, ok := parent[id]
		if !ok || seen[p] {
			return id
		}
		seen[p] = true
		id = p
	}
}

func (im *importer) importSession(s Session, family string) error {
	skip := func(why string) error {
		im.rep.Sessions.Skipped++
		im.rep.skip("session", why, 1)
		return nil
	}
	if !im.userIDs[s.UserID] {
		return skip("its user was not imported")
	}
	// Strapi's 'session' families are the short sessions of a login without "remember me"
	// (their idle lifespan is hours); this service has refresh families only, and would
	// extend such a session to a refresh token's lifespan at its first refresh.
	if s.Type != "" && s.Type != "refresh" {
		return skip(fmt.Sprintf("type %q (only refresh sessions are imported)", s.Type))
	}
	rotated := s.ChildID != nil && *s.ChildID != ""
	switch {
	case s.Status == "active" || s.Status == "":
	case s.Status == "rotated" && rotated:
	case s.Status == "rotated":
		return skip("rotated without a child session")
	default: // 'revoked', or anything Strapi would not refresh
		return skip(fmt.Sprintf("status %q", s.Status))
	}
	// Strapi rotates no session without an absolute expiry (max_window_elapsed).
	if s.AbsoluteExpiresAt.IsZero() || !s.AbsoluteExpiresAt.After(im.now) {
		return skip("past its absolute expiry")
	}
	if !s.ExpiresAt.After(im.now) {
		return skip("past its idle expiry")
	}
	expires := s.ExpiresAt
	if expires.After(s.AbsoluteExpiresAt) { // the schema's invariant: never past the family's deadline
		expires = s.AbsoluteExpiresAt
	}
	var child *string
	if rotated {
		c := *s.ChildID
		child = &c
	}

	existing, err := im.q.ImportGetSession(im.ctx, s.SessionID)
	switch {
	case err == nil:
		return im.mergeSession(s, existing, child, expires)
	case !store.IsNotFound(err):
		return err
	}
	loginAt, created := s.LoginAt, s.CreatedAt
	if created.IsZero() {
		created = im.now
	}
	if loginAt.IsZero() {
		loginAt = created
	}
	err = im.q.ImportInsertSession(im.ctx, db.ImportInsertSessionParams{SessionID: s.SessionID, FamilyID: family,
		UserID: s.UserID, ChildID: child, DeviceID: optional(s.DeviceID), DeviceName: optional(s.DeviceName),
		LoginAt: loginAt, CreatedAt: created, ExpiresAt: expires, AbsoluteExpiresAt: s.AbsoluteExpiresAt})
	if err != nil {
		return err
	}
	im.rep.Sessions.Created++
	return nil
}

// mergeSession resolves source session s against the target's row of the same session id.
// A row the service rotated after an earlier import keeps its child: the source, read
// before, still says active, and taking that would make a used refresh token work again.
func (im *importer) mergeSession(s Session, t db.UpSession, child *string, expires time.Time) error {
	if t.UserID != s.UserID {
		im.rep.conflict(&im.rep.Sessions, "session", sessionLabel(s),
			fmt.Sprintf("session id taken by a session of the target's user %d", t.UserID))
		return nil
	}
	if im.mode == MergeSkip {
		im.rep.Sessions.Unchanged++
		return nil
	}
	switch {
	case t.ChildID == nil:
	case child == nil:
		child = t.ChildID // rotated here after the earlier import
	case *child != *t.ChildID:
		im.rep.conflict(&im.rep.Sessions, "session", sessionLabel(s),
			"rotated into another session here than in Strapi: kept as it is here")
		return nil
	}
	if equalPtr(child, t.ChildID) && expires.Equal(t.ExpiresAt) {
		im.rep.Sessions.Unchanged++
		return nil
	}
	err := im.q.ImportUpdateSession(im.ctx, db.ImportUpdateSessionParams{SessionID: s.SessionID, ChildID: child, ExpiresAt: expires})
	if err != nil {
		return err
	}
	im.rep.Sessions.Updated++
	return nil
}

// optional is nil for "", as the service stores a missing device id or name.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
