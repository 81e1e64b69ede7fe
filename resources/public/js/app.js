/*
 * Small behaviours that need no framework; kept out of inline scripts so the
 * Content-Security-Policy can forbid them.
 */
document.addEventListener('submit', (event) => {
  const form = event.target
  const message = form instanceof HTMLFormElement ? form.dataset.confirm : undefined
  if (message && !window.confirm(message)) event.preventDefault()
})

/* A form that came back with errors puts the keyboard on its first faulty field. */
document.addEventListener('DOMContentLoaded', () => {
  const invalid = document.querySelector('[aria-invalid="true"]')
  if (invalid instanceof HTMLElement) invalid.focus()
})

/*
 * Alpine components. The page loads Alpine's CSP build, which never
 * evaluates attribute text as code, so the CSP needs no 'unsafe-eval' and a
 * value typed by someone can never become script. Views name a component in
 * x-data, pass values through data- attributes, and refer only to the
 * properties and methods below.
 */
document.addEventListener('alpine:init', () => {
  const Alpine = window.Alpine

  /* The site menu on small screens. */
  Alpine.data('siteMenu', () => ({
    open: false,
    toggle() {
      this.open = !this.open
    },
    get expanded() {
      return String(this.open)
    },
    get navClass() {
      return { 'site-nav--open': this.open }
    },
  }))

  /* Complaint form: an institution is chosen from the registry, anything else is named. data-target: the first target type. */
  Alpine.data('complaintTarget', () => ({
    target: '',
    init() {
      this.target = this.$el.dataset.target || 'institution'
    },
    pick(event) {
      this.target = event.target.value
    },
    get aboutInstitution() {
      return this.target === 'institution'
    },
    get aboutOther() {
      return this.target !== 'institution'
    },
  }))

  /* Course form: subject or category by kind, venue or live by delivery, more timetable rows on demand. */
  Alpine.data('courseForm', () => {
    let form
    const nextHiddenSlot = () => form.querySelector('[data-extra-slot][hidden]')
    return {
      kind: '',
      delivery: '',
      canAddSlot: false,
      init() {
        form = this.$el
        this.kind = form.dataset.kind
        this.delivery = form.dataset.delivery
        this.canAddSlot = !!nextHiddenSlot()
      },
      changed() {
        this.kind = form.elements.kind.value
        this.delivery = form.elements.delivery.value
      },
      addSlot() {
        const row = nextHiddenSlot()
        if (row) row.hidden = false
        this.canAddSlot = !!nextHiddenSlot()
      },
      get academic() {
        return this.kind === 'academic'
      },
      get notAcademic() {
        return this.kind !== 'academic'
      },
      get online() {
        return this.delivery === 'online'
      },
      get offline() {
        return this.delivery !== 'online'
      },
    }
  })

  /* New account form: only the regions the chosen kind of account may belong to are offered. */
  Alpine.data('accountKind', () => {
    let form
    const offerRegions = (kind) => {
      form.querySelectorAll('option[data-group]').forEach((option) => {
        option.hidden = option.dataset.group !== kind
        if (option.hidden && option.selected) option.selected = false
      })
    }
    return {
      kind: '',
      init() {
        form = this.$el
        this.kind = form.dataset.kind
        offerRegions(this.kind)
        this.$watch('kind', (kind) => offerRegions(kind))
      },
      changed(event) {
        if (event.target.name === 'kind') this.kind = event.target.value
      },
    }
  })
})

if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {})
  })
}
