import { templateVersionPath, toTemplateSave } from './template';

describe('notification templates in the admin', () => {
  it('sends only the text and the version the edit started from', () => {
    expect(toTemplateSave({ id: 'received', code: 'received', label: '受付', subject: '件名', bodyText: '本文', version: 3, variables: [] })).toEqual({
      subject: '件名',
      bodyText: '本文',
      version: 3,
    });
  });

  it('links to a version in the template’s history', () => {
    expect(templateVersionPath('received', 2)).toBe('#/notification-templates/received/show?version=2');
  });
});
