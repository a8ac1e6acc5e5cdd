package access

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/apierror"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// The errors of the roles API, worded as Strapi words them.
var (
	ErrRoleNotFound       = &apierror.Error{Kind: apierror.NotFound, Message: "Role not found"}
	ErrCannotDeletePublic = &apierror.Error{Kind: apierror.Application, Message: "Cannot delete public role"}
	ErrRequestBodyEmpty   = &apierror.Error{Kind: apierror.Validation, Message: "Request body cannot be empty"}
)

const (
	publicRoleType         = "public"
	usersPermissionsPlugin = "plugin::users-permissions"
	usersPermissionsPrefix = usersPermissionsPlugin + "."
)

// strapiControllerActions are Strapi 5.54's content-API controller actions of Users &
// Permissions, in the order its permissions tree lists them.
var strapiControllerActions = [][2]string{
	{"auth", "callback"}, {"auth", "changePassword"}, {"auth", "resetPassword"}, {"auth", "refresh"},
	{"auth", "logout"}, {"auth", "getSessions"}, {"auth", "revokeSession"}, {"auth", "connect"},
	{"auth", "forgotPassword"}, {"auth", "register"}, {"auth", "emailConfirmation"},
	{"auth", "sendEmailConfirmation"},
	{"user", "create"}, {"user", "update"}, {"user", "find"}, {"user", "findOne"}, {"user", "count"},
	{"user", "destroy"}, {"user", "me"},
	{"role", "createRole"}, {"role", "findOne"}, {"role", "find"}, {"role", "updateRole"}, {"role", "deleteRole"},
	{"permissions", "getPermissions"},
}

// IsStrapiAction reports whether a is one of Strapi's own Users & Permissions actions (not
// one of this service's own routes, such as user.updateMe).
func IsStrapiAction(a string) bool {
	for _, ca := range strapiControllerActions {
		if a == usersPermissionsPrefix+ca[0]+"."+ca[1] {
			return true
		}
	}
	return false
}

// ErrRoleTypeTaken refuses a role whose type another role has. Strapi inserts the duplicate
// (its unique rule is not checked on this route), after which the role a type names is
// whichever the database returns first; here types are unique, and the client is told.
func ErrRoleTypeTaken(roleType string) *apierror.Error {
	return &apierror.Error{Kind: apierror.Application, Message: "Role type " + strconv.Quote(roleType) + " is already taken"}
}

// ---- the catalog of actions

// Catalog is every action a role or an API token can be given: the x-strapi-action of
// every operation of openapi.yaml, and the actions of Strapi's Users & Permissions
// controllers, in Strapi's order.
type Catalog struct {
	actions  []string // in tree order
	known    map[string]bool
	all      Actions
	readOnly Actions
}

// NewCatalog returns the catalog of Strapi's Users & Permissions actions and of the given
// actions ("<type>.<controller>.<action>", e.g. "plugin::users-permissions.user.find").
func NewCatalog(actions []string) (*Catalog, error) {
	c := &Catalog{known: map[string]bool{}, all: Actions{}, readOnly: Actions{}}
	add := func(a string) {
		if c.known[a] {
			return
		}
		c.known[a] = true
		c.actions = append(c.actions, a)
		c.all[a] = struct{}{}
		// Strapi's read-only API tokens may call the actions whose name ends with find or
		// findOne (admin strategies/content-api-token.ts, isReadScope).
		if strings.HasSuffix(a, "find") || strings.HasSuffix(a, "findOne") {
			c.readOnly[a] = struct{}{}
		}
	}
	for _, ca := range strapiControllerActions {
		add(usersPermissionsPrefix + ca[0] + "." + ca[1])
	}
	var extra []string
	for _, a := range actions {
		if _, _, _, err := splitAction(a); err != nil {
			return nil, err
		}
		if !c.known[a] && !slices.Contains(extra, a) {
			extra = append(extra, a)
		}
	}
	// Actions Strapi's plugin does not have (this service's own, if any) come after, by type,
	// controller and action name; new actions of an existing controller join that controller.
	slices.SortFunc(extra, func(a, b string) int {
		ta, _, _, _ := splitAction(a)
		tb, _, _, _ := splitAction(b)
		return cmp.Or(cmp.Compare(boolInt(ta != usersPermissionsPlugin), boolInt(tb != usersPermissionsPlugin)), cmp.Compare(a, b))
	})
	for _, a := range extra {
		add(a)
	}
	return c, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// splitAction cuts "<type>.<controller>.<action>" as Strapi does (action.split('.')).
func splitAction(a string) (typ, controller, action string, err error) {
	parts := strings.Split(a, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
		return "", "", "", fmt.Errorf("action %q is not <type>.<controller>.<action>", a)
	}
	return parts[0], parts[1], parts[2], nil
}

// Actions lists every action, in the tree's order.
func (c *Catalog) Actions() []string { return slices.Clone(c.actions) }

// Known reports whether action is in the catalog.
func (c *Catalog) Known(action string) bool { return c.known[action] }

// Resolve returns the full name of an action given by its full name
// ("plugin::users-permissions.user.find") or by its controller and action ("user.find", for
// the actions of Users & Permissions).
func (c *Catalog) Resolve(name string) (string, bool) {
	if c.known[name] {
		return name, true
	}
	if full := usersPermissionsPrefix + name; strings.Count(name, ".") == 1 && c.known[full] {
		return full, true
	}
	return "", false
}

// Tree is the permissions tree of Strapi's roles API with the given actions enabled.
func (c *Catalog) Tree(enabled Actions) PermissionsTree {
	var t PermissionsTree
	for _, a := range c.actions {
		typ, ctrl, act, _ := splitAction(a)
		i := slices.IndexFunc(t.types, func(x treeType) bool { return x.name == typ })
		if i < 0 {
			t.types = append(t.types, treeType{name: typ})
			i = len(t.types) - 1
		}
		ty := &t.types[i]
		j := slices.IndexFunc(ty.controllers, func(x treeController) bool { return x.name == ctrl })
		if j < 0 {
			ty.controllers = append(ty.controllers, treeController{name: ctrl})
			j = len(ty.controllers) - 1
		}
		ty.controllers[j].actions = append(ty.controllers[j].actions, treeAction{name: act, enabled: enabled.Has(a)})
	}
	return t
}

// PermissionsTree is {"<type>": {"controllers": {"<controller>": {"<action>": {"enabled":
// bool, "policy": ""}}}}}, in Strapi's order (which a map would lose).
type PermissionsTree struct{ types []treeType }

type treeType struct {
	name        string
	controllers []treeController
}

type treeController struct {
	name    string
	actions []treeAction
}

type treeAction struct {
	name    string
	enabled bool
}

// MarshalJSON writes the tree with its keys in order.
func (t PermissionsTree) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	key := func(k string) {
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
	}
	b.WriteByte('{')
	for i, ty := range t.types {
		if i > 0 {
			b.WriteByte(',')
		}
		key(ty.name)
		b.WriteString(`{"controllers":{`)
		for j, c := range ty.controllers {
			if j > 0 {
				b.WriteByte(',')
			}
			key(c.name)
			b.WriteByte('{')
			for k, a := range c.actions {
				if k > 0 {
					b.WriteByte(',')
				}
				key(a.name)
				fmt.Fprintf(&b, `{"enabled":%t,"policy":""}`, a.enabled)
			}
			b.WriteByte('}')
		}
		b.WriteString("}}")
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// ---- roles

// Roles administers the roles and their permissions, for the roles API and the CLI.
type Roles struct {
	store *store.Store
	cat   *Catalog
	now   func() time.Time
}

// NewRoles returns the role rules over st, with the actions of cat, reading the time from
// now (time.Now when nil).
func NewRoles(st *store.Store, cat *Catalog, now func() time.Time) *Roles {
	return &Roles{store: st, cat: cat, now: utcClock(now)}
}

// utcClock is now in UTC, or time.Now's.
func utcClock(now func() time.Time) func() time.Time {
	if now == nil {
		now = time.Now
	}
	return func() time.Time { return now().UTC() }
}

// RoleSummary is a role with its number of users.
type RoleSummary = db.ListRolesWithUserCountsRow

// List returns every role with its number of users, sorted by name as Strapi sorts them.
func (r *Roles) List(ctx context.Context) ([]RoleSummary, error) {
	rows, err := r.store.Q.ListRolesWithUserCounts(ctx)
	if err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	// Sorted here rather than by the database, so that both engines (whose collations
	// differ) give the same order.
	slices.SortStableFunc(rows, func(a, b RoleSummary) int { return cmp.Compare(a.Name, b.Name) })
	return rows, nil
}

// Get returns a role and its permissions tree.
func (r *Roles) Get(ctx context.Context, id int64) (db.UpRole, PermissionsTree, error) {
	role, err := r.store.Q.GetRole(ctx, id)
	if store.IsNotFound(err) {
		return db.UpRole{}, PermissionsTree{}, ErrRoleNotFound
	}
	if err != nil {
		return db.UpRole{}, PermissionsTree{}, fmt.Errorf("get role: %w", err)
	}
	actions, err := r.actions(ctx, r.store.Q, id)
	if err != nil {
		return db.UpRole{}, PermissionsTree{}, err
	}
	return role, r.cat.Tree(actions), nil
}

// Find returns the role an operator names: by id or by type.
func (r *Roles) Find(ctx context.Context, ref string) (db.UpRole, error) {
	var (
		role db.UpRole
		err  error
	)
	if id, convErr := strconv.ParseInt(ref, 10, 64); convErr == nil {
		role, err = r.store.Q.GetRole(ctx, id)
	} else {
		role, err = r.store.Q.GetRoleByType(ctx, ref)
	}
	if store.IsNotFound(err) {
		return db.UpRole{}, fmt.Errorf("no role with id or type %q", ref)
	}
	if err != nil {
		return db.UpRole{}, fmt.Errorf("find role %q: %w", ref, err)
	}
	return role, nil
}

// Actions returns the actions a role holds, in the catalog's order (then any the catalog
// does not know, sorted).
func (r *Roles) Actions(ctx context.Context, roleID int64) ([]string, error) {
	held, err := r.actions(ctx, r.store.Q, roleID)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(held))
	for _, a := range r.cat.actions {
		if held.Has(a) {
			out = append(out, a)
			delete(held, a)
		}
	}
	rest := make([]string, 0, len(held))
	for a := range held {
		rest = append(rest, a)
	}
	slices.Sort(rest)
	return append(out, rest...), nil
}

func (r *Roles) actions(ctx context.Context, q store.Querier, roleID int64) (Actions, error) {
	list, err := q.ListRoleActions(ctx, roleID)
	if err != nil {
		return nil, fmt.Errorf("permissions of role %d: %w", roleID, err)
	}
	return actionSet(list), nil
}

// Permissions is the tree of every action, none enabled.
func (r *Roles) Permissions() PermissionsTree { return r.cat.Tree(nil) }

// Catalog is the catalog of actions the roles are given from.
func (r *Roles) Catalog() *Catalog { return r.cat }

// RoleInput is the body of a role creation or update.
type RoleInput struct {
	Name, Description, Type *string
	// Enabled are the actions the role gets ("<type>.<controller>.<action>"); those the
	// catalog does not know are ignored, as Strapi drops them at its next start.
	Enabled []string
	// HasPermissions: the body had a permissions tree (even one with nothing enabled).
	HasPermissions bool
}

// empty is Strapi's _.isEmpty(body) for the bodies this service can tell apart: a body with
// none of name, description, type and permissions.
func (in RoleInput) empty() bool {
	return in.Name == nil && in.Description == nil && in.Type == nil && !in.HasPermissions
}

func (in RoleInput) known(cat *Catalog) []string {
	var out []string
	for _, a := range in.Enabled {
		if cat.Known(a) && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// Create creates a role with the enabled actions. Its type defaults to the name in snake
// case without accents, as Strapi makes it; a type another role has is refused.
func (r *Roles) Create(ctx context.Context, in RoleInput) (db.UpRole, error) {
	if in.empty() {
		return db.UpRole{}, ErrRequestBodyEmpty
	}
	if in.Name == nil || *in.Name == "" {
		f := apierror.FieldError{Path: []string{"name"}, Message: "name is a required field"}
		if in.Name != nil {
			f.Value, f.HasValue = "", true
		}
		return db.UpRole{}, apierror.Invalid(f)
	}
	typ := ""
	if in.Type != nil {
		typ = *in.Type
	}
	if typ == "" { // Strapi: if (!params.type) ...
		typ = RoleType(*in.Name)
	}
	if typ == "" {
		return db.UpRole{}, apierror.Invalid(apierror.FieldError{Path: []string{"type"}, Message: "type is a required field"})
	}
	enabled := in.known(r.cat)
	var role db.UpRole
	err := r.store.InTx(ctx, func(q store.Querier) error {
		now := r.now()
		var err error
		role, err = q.CreateRole(ctx, db.CreateRoleParams{
			DocumentID: store.NewDocumentID(), Name: *in.Name, Description: in.Description, Type: typ, Now: now,
		})
		if store.IsUniqueViolation(err) {
			return ErrRoleTypeTaken(typ)
		}
		if err != nil {
			return fmt.Errorf("create role: %w", err)
		}
		for _, a := range enabled {
			if err := addPermission(ctx, q, role.ID, a, now); err != nil {
				return err
			}
		}
		return nil
	})
	return role, err
}

// Update changes a role's name and description (never its type) and sets its permissions
// to exactly the enabled actions: a body without permissions removes them all, as Strapi
// does. The change applies from the next request on every instance.
func (r *Roles) Update(ctx context.Context, id int64, in RoleInput) error {
	if in.empty() {
		return ErrRequestBodyEmpty
	}
	if in.Name != nil && *in.Name == "" {
		return apierror.Invalid(apierror.FieldInvalid("name", "name is a required field", ""))
	}
	want := in.known(r.cat)
	return r.change(ctx, id, func(q store.Querier, role db.UpRole, now time.Time) error {
		name, desc := role.Name, role.Description
		if in.Name != nil {
			name = *in.Name
		}
		if in.Description != nil {
			desc = in.Description
		}
		if err := q.SetRoleInfo(ctx, db.SetRoleInfoParams{ID: id, Name: name, Description: desc}); err != nil {
			return fmt.Errorf("update role: %w", err)
		}
		held, err := r.actions(ctx, q, id)
		if err != nil {
			return err
		}
		for a := range held {
			if !slices.Contains(want, a) {
				if err := q.RemoveRolePermission(ctx, db.RemoveRolePermissionParams{RoleID: id, Action: a}); err != nil {
					return fmt.Errorf("remove permission: %w", err)
				}
			}
		}
		for _, a := range want {
			if !held.Has(a) {
				if err := addPermission(ctx, q, id, a, now); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Grant gives a role actions (full names, known to the catalog) it may not have yet.
func (r *Roles) Grant(ctx context.Context, id int64, actions []string) error {
	return r.change(ctx, id, func(q store.Querier, _ db.UpRole, now time.Time) error {
		for _, a := range actions {
			if err := addPermission(ctx, q, id, a, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// Revoke takes actions from a role.
func (r *Roles) Revoke(ctx context.Context, id int64, actions []string) error {
	return r.change(ctx, id, func(q store.Querier, _ db.UpRole, _ time.Time) error {
		for _, a := range actions {
			if err := q.RemoveRolePermission(ctx, db.RemoveRolePermissionParams{RoleID: id, Action: a}); err != nil {
				return fmt.Errorf("remove permission: %w", err)
			}
		}
		return nil
	})
}

// change runs fn, a change to role id, in one transaction that starts with BumpRole: every
// instance reloads the role's permissions on its next request, and concurrent changes of
// the role queue. fn gets the role as the bump left it. An unknown id is ErrRoleNotFound.
func (r *Roles) change(ctx context.Context, id int64, fn func(q store.Querier, role db.UpRole, now time.Time) error) error {
	return r.store.InTx(ctx, func(q store.Querier) error {
		now := r.now()
		role, err := q.BumpRole(ctx, db.BumpRoleParams{ID: id, Now: now})
		if store.IsNotFound(err) {
			return ErrRoleNotFound
		}
		if err != nil {
			return fmt.Errorf("lock role: %w", err)
		}
		return fn(q, role, now)
	})
}

func addPermission(ctx context.Context, q store.Querier, roleID int64, action string, now time.Time) error {
	err := q.AddRolePermission(ctx, db.AddRolePermissionParams{
		DocumentID: store.NewDocumentID(), RoleID: roleID, Action: action, Now: now,
	})
	if err != nil {
		return fmt.Errorf("add permission %s: %w", action, err)
	}
	return nil
}

// Delete deletes a role: its users move to the Public role, then the role goes with its
// permissions (up_permissions.role_id is ON DELETE CASCADE on both engines), all in one
// transaction (decision D10; Strapi does it in separate, concurrent
// statements, which deadlocked under load). The Public role cannot be deleted.
func (r *Roles) Delete(ctx context.Context, id int64) error {
	public, err := r.store.Q.GetRoleByType(ctx, publicRoleType)
	if err != nil {
		return fmt.Errorf("find the public role: %w", err)
	}
	if id == public.ID {
		return ErrCannotDeletePublic
	}
	return r.store.InTx(ctx, func(q store.Querier) error {
		// The role's row first: from here on no transaction can give a user this role.
		if _, err := q.LockRoleForDelete(ctx, id); store.IsNotFound(err) {
			return ErrRoleNotFound
		} else if err != nil {
			return fmt.Errorf("lock role: %w", err)
		}
		if _, err := q.MoveRoleUsers(ctx, db.MoveRoleUsersParams{FromRoleID: &id, ToRoleID: &public.ID}); err != nil {
			return fmt.Errorf("move the users of role %d: %w", id, err)
		}
		if err := q.DeleteRole(ctx, id); err != nil {
			return fmt.Errorf("delete role %d: %w", id, err)
		}
		return nil
	})
}

// ---- snake_case(deburr(lowercase(name)))

// RoleType is the type Strapi gives a role created without one:
// _.snakeCase(_.deburr(_.toLower(name))), e.g. "Editor Ünïcode" → "editor_unicode".
func RoleType(name string) string {
	s := deburr(strings.ToLower(name))
	s = strings.NewReplacer("'", "", "\u2019", "").Replace(s) // lodash's compounders drop apostrophes
	return strings.Join(lodashWords(s), "_")
}

// deburr is lodash's: Latin-1 Supplement and Latin Extended-A letters to basic Latin
// letters, combining diacritical marks removed.
func deburr(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0x300 && r <= 0x36f, r >= 0xfe20 && r <= 0xfe2f, r >= 0x20d0 && r <= 0x20ff:
			continue
		case r >= 0xc0 && r <= 0x17f:
			if d, ok := deburredLetters[r]; ok {
				b.WriteString(d)
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

var deburredLetters = func() map[rune]string {
	m := map[rune]string{}
	for _, group := range []struct {
		to    string
		froms string
	}{
		{"A", "ÀÁÂÃÄÅĀĂĄ"}, {"a", "àáâãäåāăą"}, {"C", "ÇĆĈĊČ"}, {"c", "çćĉċč"},
		{"D", "ÐĎĐ"}, {"d", "ðďđ"}, {"E", "ÈÉÊËĒĔĖĘĚ"}, {"e", "èéêëēĕėęě"},
		{"G", "ĜĞĠĢ"}, {"g", "ĝğġģ"}, {"H", "ĤĦ"}, {"h", "ĥħ"},
		{"I", "ÌÍÎÏĨĪĬĮİ"}, {"i", "ìíîïĩīĭįı"}, {"J", "Ĵ"}, {"j", "ĵ"}, {"K", "Ķ"}, {"k", "ķĸ"},
		{"L", "ĹĻĽĿŁ"}, {"l", "ĺļľŀł"}, {"N", "ÑŃŅŇŊ"}, {"n", "ñńņňŋ"},
		{"O", "ÒÓÔÕÖØŌŎŐ"}, {"o", "òóôõöøōŏő"}, {"R", "ŔŖŘ"}, {"r", "ŕŗř"},
		{"S", "ŚŜŞŠ"}, {"s", "śŝşšſ"}, {"T", "ŢŤŦ"}, {"t", "ţťŧ"},
		{"U", "ÙÚÛÜŨŪŬŮŰŲ"}, {"u", "ùúûüũūŭůűų"}, {"W", "Ŵ"}, {"w", "ŵ"},
		{"Y", "ÝŶŸ"}, {"y", "ýÿŷ"}, {"Z", "ŹŻŽ"}, {"z", "źżž"},
		{"Ae", "Æ"}, {"ae", "æ"}, {"Th", "Þ"}, {"th", "þ"}, {"ss", "ß"},
		{"IJ", "Ĳ"}, {"ij", "ĳ"}, {"Oe", "Œ"}, {"oe", "œ"}, {"'n", "ŉ"},
	} {
		for _, r := range group.froms {
			m[r] = group.to
		}
	}
	return m
}()

// lodashWords splits a lower-cased string into words as lodash's words() does: on spaces
// only when the string is plain ASCII letters, digits and spaces with no letter next to a
// digit; otherwise into runs of letters, runs of digits (English ordinals such as "1st"
// kept whole), and single emoji, everything else separating them.
func lodashWords(s string) []string {
	if !hasUnicodeWord(s) {
		return strings.Fields(s)
	}
	var words []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isASCIIDigit(r):
			j := i
			for j < len(rs) && isASCIIDigit(rs[j]) {
				j++
			}
			if n := ordinalEnd(rs, i); n > 0 {
				j = n
			}
			words = append(words, string(rs[i:j]))
			i = j
		case isWordLetter(r):
			j := i
			for j < len(rs) && isWordLetter(rs[j]) {
				j++
			}
			words = append(words, string(rs[i:j]))
			i = j
		case r > 0xffff || (r >= 0x2700 && r <= 0x27bf):
			words = append(words, string(r))
			i++
		default:
			i++
		}
	}
	return words
}

// hasUnicodeWord is lodash's /[a-z][A-Z]|[A-Z]{2}[a-z]|[0-9][a-zA-Z]|[a-zA-Z][0-9]|[^a-zA-Z0-9 ]/
// for a lower-cased string.
func hasUnicodeWord(s string) bool {
	prev := rune(-1)
	for _, r := range s {
		letter, digit := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z', isASCIIDigit(r)
		if !letter && !digit && r != ' ' {
			return true
		}
		if prev >= 0 && ((isASCIIDigit(prev) && letter) || (isASCIILetter(prev) && digit)) {
			return true
		}
		prev = r
	}
	return false
}

func isASCIIDigit(r rune) bool  { return r >= '0' && r <= '9' }
func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// isWordLetter is lodash's rsLower or rsMisc: anything but a digit, a break (ASCII
// punctuation and controls, U+007B–U+00BF, ×, ÷, U+2000–U+206F, spaces), a dingbat, or an
// astral character.
func isWordLetter(r rune) bool {
	switch {
	case isASCIIDigit(r), r > 0xffff, r >= 0x2700 && r <= 0x27bf:
		return false
	case r <= 0x2f, r >= 0x3a && r <= 0x40, r >= 0x5b && r <= 0x60, r >= 0x7b && r <= 0xbf:
		return false
	case r == 0xac || r == 0xb1 || r == 0xd7 || r == 0xf7:
		return false
	case r >= 0x2000 && r <= 0x206f, r == 0xfeff, r == 0x1680, r == 0x180e, r == 0x3000, r == 0xfe0e, r == 0xfe0f:
		return false
	case unicode.IsSpace(r):
		return false
	}
	return utf8.ValidRune(r)
}

// ordinalEnd matches lodash's rsOrdLower, \d*(?:1st|2nd|3rd|(?![123])\dth)(?=\b|[A-Z_]),
// at the digits starting at rs[i], and returns where it ends (0: no match). Only the last
// digit of the run can start the suffix: an earlier one is followed by a digit.
func ordinalEnd(rs []rune, i int) int {
	last := i
	for last+1 < len(rs) && isASCIIDigit(rs[last+1]) {
		last++
	}
	if last+3 > len(rs) {
		return 0
	}
	suffix := string(rs[last+1 : last+3])
	var ok bool
	switch rs[last] {
	case '1':
		ok = suffix == "st"
	case '2':
		ok = suffix == "nd"
	case '3':
		ok = suffix == "rd"
	default:
		ok = suffix == "th"
	}
	after := last + 3
	if !ok || (after < len(rs) && isJSWordChar(rs[after]) && rs[after] != '_' && (rs[after] < 'A' || rs[after] > 'Z')) {
		return 0
	}
	return after
}

func isJSWordChar(r rune) bool { return isASCIILetter(r) || isASCIIDigit(r) || r == '_' }
