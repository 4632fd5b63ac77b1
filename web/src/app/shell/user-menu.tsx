import { LogOut, UserRound } from 'lucide-react';
import { useNavigate } from 'react-router';
import { DropdownMenu } from '../../components/ui/dropdown-menu.tsx';
import { asApiError } from '../../components/ui/error-alert.tsx';
import { IconButton } from '../../components/ui/icon-button.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { useSession } from '../session.tsx';

/** The signed-in user's menu: who is signed in, profile, sign out. */
export function UserMenu() {
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const toast = useToast();
  if (!user) return null;
  const doSignOut = async () => {
    try {
      await signOut();
      navigate('/sign-in');
    } catch (error) {
      const apiError = asApiError(error);
      toast({
        title: 'Could not sign out',
        description: `${apiError.message} (${apiError.code})`,
        tone: 'error',
      });
    }
  };
  return (
    <DropdownMenu
      label="Account"
      trigger={<IconButton label={`Account: ${user.email}`} icon={<UserRound size={18} />} />}
      items={[
        { kind: 'label', label: user.name ? `${user.name} · ${user.email}` : user.email },
        { label: 'Profile', onSelect: () => navigate('/settings/profile') },
        { kind: 'separator' },
        { label: 'Sign out', icon: <LogOut size={14} />, onSelect: () => void doSignOut() },
      ]}
    />
  );
}
