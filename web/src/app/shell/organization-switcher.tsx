import { Building2, Check, ChevronsUpDown, Plus } from 'lucide-react';
import { useNavigate } from 'react-router';
import { DropdownMenu } from '../../components/ui/dropdown-menu.tsx';
import { asApiError } from '../../components/ui/error-alert.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { useSession } from '../session.tsx';

/** Shows the active organization; the menu switches to another one or creates a new one. */
export function OrganizationSwitcher() {
  const { organization, organizations, switchOrganization } = useSession();
  const navigate = useNavigate();
  const toast = useToast();
  if (!organization) return null;

  const choose = async (id: string, name: string) => {
    if (id === organization.id) return;
    try {
      await switchOrganization(id);
      toast({ title: `Switched to ${name}`, tone: 'success' });
      navigate('/');
    } catch (error) {
      const apiError = asApiError(error);
      toast({
        title: 'Could not switch organization',
        description: `${apiError.message} (${apiError.code})`,
        tone: 'error',
      });
    }
  };

  return (
    <DropdownMenu
      label="Organizations"
      align="start"
      trigger={
        <button type="button" className="org-switcher" title="Switch organization">
          <Building2 size={16} aria-hidden />
          <span className="org-switcher__name">
            <span className="visually-hidden">Organization: </span>
            {organization.name}
          </span>
          <span className="org-switcher__plan">{organization.plan}</span>
          <ChevronsUpDown size={14} aria-hidden />
        </button>
      }
      items={[
        { kind: 'label', label: 'Your organizations' },
        ...organizations.map((org) => ({
          label: (
            <span className="menu__org">
              <span>{org.name}</span>
              <span className="menu__meta">{org.role}</span>
            </span>
          ),
          icon: org.id === organization.id ? <Check size={14} /> : <span className="menu__icon-space" />,
          onSelect: () => void choose(org.id, org.name),
        })),
        { kind: 'separator' },
        {
          label: 'Create organization',
          icon: <Plus size={14} />,
          onSelect: () => navigate('/onboarding?new=1'),
        },
      ]}
    />
  );
}
