import { Check, Minus } from 'lucide-react';
import {
  ACTION_NAMES,
  ACTIONS,
  ORG_ROLES,
  orgRoleAtLeast,
  type TAction,
} from '../../../../../contracts/permissions/index.ts';
import { useSession } from '../../../app/session.tsx';
import { Card, PageHeader } from '../../../components/ui/index.ts';

/**
 * /settings/roles: what each role may do across the organization. The table is built from the permission
 * catalogue in contracts/permissions (the table the server's `can` enforces), imported rather than copied, so
 * this page cannot disagree with what the API allows.
 */
export function RolesPage() {
  const { organization } = useSession();
  const groups = new Map<string, TAction[]>();
  for (const action of ACTION_NAMES) {
    const kind = action.slice(0, action.indexOf(':'));
    groups.set(kind, [...(groups.get(kind) ?? []), action]);
  }
  return (
    <>
      <PageHeader
        title="Roles"
        description={`What each role may do in the whole organization. Your role: ${organization?.role ?? 'none'}.`}
      />
      <Card>
        <p className="muted">
          A higher role holds everything a lower one does. “Own” marks actions the creator of a resource may
          also take on it while their role still lets them create that kind of resource; project members get
          more through the project’s own permissions. API keys act with their creator’s role, limited by the
          key’s scope.
        </p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the wide table scrolls; keyboard users must reach it. */}
        <section className="table-wrap" tabIndex={0} aria-label="Permissions by role">
          <table className="table matrix">
            <caption className="visually-hidden">Permissions by role</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                {ORG_ROLES.map((role) => (
                  <th key={role} scope="col">
                    {role}
                  </th>
                ))}
                <th scope="col">Key scope</th>
              </tr>
            </thead>
            {[...groups].map(([kind, actions]) => (
              <tbody key={kind}>
                <tr>
                  <th scope="rowgroup" colSpan={ORG_ROLES.length + 2} className="matrix__group">
                    {kind.replace('_', ' ')}
                  </th>
                </tr>
                {actions.map((action) => {
                  const rule = ACTIONS[action];
                  return (
                    <tr key={action}>
                      <th scope="row">
                        <code>{action}</code>
                        {rule.owner && <span className="muted"> · own</span>}
                      </th>
                      {ORG_ROLES.map((role) => {
                        const allowed = rule.orgWide !== null && orgRoleAtLeast(role, rule.orgWide);
                        return (
                          <td key={role}>
                            {allowed ? <Check size={16} aria-hidden /> : <Minus size={16} aria-hidden />}
                            <span className="visually-hidden">{allowed ? 'allowed' : 'not allowed'}</span>
                          </td>
                        );
                      })}
                      <td>{rule.scope}</td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </section>
      </Card>
    </>
  );
}
