import { DeleteWithConfirmButton, useNotify, useRedirect, useResourceContext, type DeleteWithConfirmButtonProps } from 'react-admin';
import { isApiRecord } from '../providers/useApi';

/**
 * react-admin's DeleteWithConfirmButton (pessimistic), whose success notice and redirect wait for the API's record:
 * a DELETE answered 401 that ended the session reached its `onSuccess` with `{}` and showed the success notice
 * (「ユーザーを無効化しました」) for a change that never happened (providers/useApi.ts).
 */
export const ConfirmedDeleteButton = ({
  successMessage,
  redirect = 'list',
  ...props
}: Omit<DeleteWithConfirmButtonProps, 'mutationMode' | 'mutationOptions'>) => {
  const notify = useNotify();
  const redirectTo = useRedirect();
  const resource = useResourceContext(props);
  return (
    <DeleteWithConfirmButton
      {...props}
      redirect={redirect}
      mutationMode="pessimistic"
      mutationOptions={{
        onSuccess: (data: unknown) => {
          if (!isApiRecord(data)) return;
          notify(successMessage ?? 'ra.notification.deleted', { type: 'info', messageArgs: { smart_count: 1 } });
          if (redirect !== false) redirectTo(redirect, resource);
        },
      }}
    />
  );
};
